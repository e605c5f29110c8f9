"""The stakeholder account, under /account/."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from tashawur.accounts import views
from tashawur.accounts.forms import EmailLoginForm

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-up/", views.sign_up, name="signup"),
    path("confirm/<str:uidb64>/<str:token>/", views.confirm, name="confirm"),
    path("confirm/again/", views.resend_confirmation, name="resend-confirmation"),
    path("log-in/", auth_views.LoginView.as_view(
        template_name="accounts/login.html", authentication_form=EmailLoginForm, redirect_authenticated_user=True,
        next_page=reverse_lazy("accounts:home"),
    ), name="login"),
    path("log-out/", auth_views.LogoutView.as_view(next_page=reverse_lazy("home")), name="logout"),
    path("password/", auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset_form.html", email_template_name="accounts/mail/password_reset.txt",
        subject_template_name="accounts/mail/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    ), name="password_reset"),
    path("password/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html",
    ), name="password_reset_done"),
    path("password/<str:uidb64>/<str:token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html", success_url=reverse_lazy("accounts:password_reset_complete"),
    ), name="password_reset_confirm"),
    path("password/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html",
    ), name="password_reset_complete"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("subscriptions/none/", views.unsubscribe_all, name="unsubscribe-all"),
    path("my-data.json", views.download_data, name="data"),
    path("delete/", views.delete, name="delete"),
]

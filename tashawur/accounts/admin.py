from django.contrib import admin

from tashawur.accounts.models import Account, Subscription


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["user", "language", "email_confirmed_at", "created_at"]
    list_filter = ["language"]
    search_fields = ["user__email", "user__username"]
    readonly_fields = ["user", "email_confirmed_at", "created_at"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "group", "kind", "created_at"]
    list_filter = ["kind", "group"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]

from django.utils import translation
def test_leak(client, db):
    client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    print("ACTIVE", translation.get_language())

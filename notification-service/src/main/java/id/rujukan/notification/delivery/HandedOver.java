package id.rujukan.notification.delivery;

/** Who has an alert now: where it went, by which template version, which provider took it and its message id. */
record HandedOver(String address, String templateVersion, String provider, String messageId) {
}

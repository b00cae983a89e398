package dev.orderflow.notification;

/** How a notification reaches its recipient. */
public enum DeliveryChannel {
    /** written to the service's log: for a machine without a mail server */
    LOG,
    /** an e-mail, through the SMTP server of the Quarkus mailer ({@code quarkus.mailer.*}) */
    EMAIL
}

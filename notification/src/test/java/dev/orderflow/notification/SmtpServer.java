package dev.orderflow.notification;

import java.io.IOException;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server for the tests (GreenMail, in the test JVM) behind an {@link SmtpGate}, with the service set to
 * send e-mail to it. Tests get the {@link Mailbox} and the {@link SmtpGate} injected into fields of those types.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private GreenMail greenMail;
    private SmtpGate gate;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            gate = SmtpGate.to(greenMail.getSmtp().getPort());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the SMTP gate", e);
        }
        return Map.of(
                "notification.channel", "email",
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(gate.port()),
                // one connection per mail, so that every mail meets the gate
                "quarkus.mailer.keep-alive", "false");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new Mailbox(greenMail), new TestInjector.MatchesType(Mailbox.class));
        injector.injectIntoFields(gate, new TestInjector.MatchesType(SmtpGate.class));
    }

    @Override
    public void stop() {
        if (gate != null) {
            gate.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}

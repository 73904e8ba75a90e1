package cn.taihang.sign.internal;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.sign.api.Sign;
import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.domain.ActivationException;
import cn.taihang.sign.domain.MessageOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Takes the bridge's {@code sign-message} command (see {@link CommandBody}) and activates each entry on its sign as
 * a central activation. The result names each sign's outcome; it is a success only if every entry was accepted.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + SignMessageHandler.COMMAND)
public final class SignMessageHandler implements CommandHandler {

    static final String COMMAND = "sign-message";
    /** The bridge's command results travel as SenML text of at most 128 characters. */
    static final int MAX_RESULT = 120;

    private final Map<String, Sign> signs = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSign(Sign sign) {
        signs.put(sign.id(), sign);
    }

    void removeSign(Sign sign) {
        signs.remove(sign.id(), sign);
    }

    @Override
    public String handle(IncomingCommand command) throws CommandException {
        List<CommandBody.Entry> entries;
        try {
            entries = CommandBody.parse(command.body());
        } catch (CommandException e) {
            throw new CommandException(clip(e.getMessage()));
        }
        List<String> outcomes = new ArrayList<>();
        boolean allAccepted = true;
        for (CommandBody.Entry entry : entries) {
            Sign sign = signs.get(entry.sign());
            if (sign == null) {
                outcomes.add(entry.sign() + ": no such sign here");
                allAccepted = false;
                continue;
            }
            if (entry.action().equals("reset")) {
                sign.reset();
                outcomes.add(entry.sign() + ": reset");
                continue;
            }
            try {
                Instant issued = Instant.ofEpochMilli(entry.issuedMillis() > 0 ? entry.issuedMillis() : command.issuedAtMillis());
                sign.activate(new Activation(entry.multi(), entry.priority(), entry.duration(), entry.source(), MessageOrigin.CENTRAL, issued));
                outcomes.add(entry.sign() + ": shown");
            } catch (ActivationException e) {
                allAccepted = false;
                outcomes.add(entry.sign() + ": " + e.reason() + " " + e.getMessage());
            } catch (IllegalArgumentException e) {
                allAccepted = false;
                outcomes.add(entry.sign() + ": " + e.getMessage());
            }
        }
        String summary = clip(String.join("; ", outcomes));
        if (!allAccepted) {
            throw new CommandException(summary);
        }
        return summary;
    }

    private static String clip(String text) {
        return text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT - 3) + "...";
    }
}

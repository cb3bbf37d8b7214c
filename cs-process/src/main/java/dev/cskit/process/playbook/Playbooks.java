package dev.cskit.process.playbook;

import dev.cskit.core.CsKitException;
import dev.cskit.core.InvalidInputException;
import dev.cskit.process.Action;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.io.DefinitionFormat;
import dev.cskit.process.io.DefinitionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in playbooks, one process definition per part of the customer lifecycle. They
 * are JSON resources in the jar ({@code dev/cskit/process/playbooks/<key>.json}), checked
 * against the published schema and the validator when first read; an application registers
 * them with its runner as they are, or copies one (as JSON, or through
 * {@code ProcessDefinition.builder().copyFrom(...)}) and changes it under a new version.
 *
 * <p>Onboarding ({@link dev.cskit.core.LifecycleStage#ONBOARDING}) is a chain, each playbook
 * starting the next with a {@code process.start} action: {@link #registration()} (a
 * checklist: contract signed, then account configured, then licences delivered),
 * {@link #welcome()} (kickoff meeting, then an email cadence driven by product events, with
 * reminders and a manager follow-up when nothing happens), {@link #training()} and
 * {@link #quickWins()}, which ends by moving the customer to ACTIVE. Active customers run
 * {@link #advancedTraining()} (SLA levels on every stage of the course and exam),
 * {@link #growth()} (more seats or units), {@link #recommendations()} (solicit a score,
 * refine a testimonial with a promoter, amplify it) and {@link #support()} (one instance per
 * ticket: triage, resolution, CSAT survey; its SLA levels count on the business calendar).
 * {@link #offboarding()} moves the customer to OFFBOARDING, walks through the exit interview,
 * data export and churn reason, and ends in CHURNED or, on a win-back, back in ACTIVE.
 *
 * <p>Each playbook's JSON names the events it waits for (such as {@code meeting.held},
 * {@code feature.used}, {@code ticket.resolved}) and the email templates and manager tasks it
 * asks for. A runner that registers them needs handlers for {@link #ACTION_TYPES}; the runner
 * itself handles {@code lifecycle.stage} and {@code process.start}.
 *
 * <p>Stateless and thread-safe; each definition is read once and then shared.
 */
public final class Playbooks {

    /** The action types the playbooks use. */
    public static final Set<String> ACTION_TYPES = Set.of(Action.EMAIL, Action.CSM_TASK,
            Action.CHANGE_STAGE, Action.START_PROCESS);

    /** The keys of the playbooks, in lifecycle order. */
    public static final List<String> KEYS = List.of("registration", "welcome", "training",
            "quick-wins", "advanced-training", "growth", "recommendations", "support",
            "offboarding");

    private static final String FOLDER = "/dev/cskit/process/playbooks/";

    private Playbooks() {
    }

    /** @return customer registration: the contract, account and licences checklist */
    public static ProcessDefinition registration() {
        return byKey("registration");
    }

    /** @return welcome: kickoff meeting and the event-driven email cadence */
    public static ProcessDefinition welcome() {
        return byKey("welcome");
    }

    /** @return training: basics, administrator training, optional team invitations */
    public static ProcessDefinition training() {
        return byKey("training");
    }

    /** @return quick wins: agree goals, reach the first one, become ACTIVE */
    public static ProcessDefinition quickWins() {
        return byKey("quick-wins");
    }

    /** @return advanced training and certification, with SLA levels per stage */
    public static ProcessDefinition advancedTraining() {
        return byKey("advanced-training");
    }

    /** @return growth: usage above a threshold, an expansion proposal, more seats or units */
    public static ProcessDefinition growth() {
        return byKey("growth");
    }

    /** @return recommendations: solicit, refine, amplify */
    public static ProcessDefinition recommendations() {
        return byKey("recommendations");
    }

    /** @return support: ticket triaged, resolved, CSAT survey, low-score follow-up */
    public static ProcessDefinition support() {
        return byKey("support");
    }

    /** @return offboarding: notice, exit interview, data export, churn reason, win-back */
    public static ProcessDefinition offboarding() {
        return byKey("offboarding");
    }

    /** @return every playbook, in the order of {@link #KEYS} */
    public static List<ProcessDefinition> all() {
        return List.copyOf(Loaded.ALL.values());
    }

    /**
     * Returns a playbook by key.
     *
     * @param key one of {@link #KEYS}
     * @return the playbook
     * @throws InvalidInputException if there is no playbook with that key
     */
    public static ProcessDefinition byKey(String key) {
        ProcessDefinition playbook = Loaded.ALL.get(key);
        if (playbook == null) {
            throw new InvalidInputException("key", key, "must be one of " + KEYS);
        }
        return playbook;
    }

    /** Reads the resources on first use. */
    private static final class Loaded {
        static final Map<String, ProcessDefinition> ALL = load();

        private static Map<String, ProcessDefinition> load() {
            DefinitionReader reader =
                    DefinitionReader.of(DefinitionValidator.forActionTypes(ACTION_TYPES));
            Map<String, ProcessDefinition> all = new LinkedHashMap<>();
            for (String key : KEYS) {
                String resource = FOLDER + key + ".json";
                all.put(key, reader.read(text(resource), DefinitionFormat.JSON, resource));
            }
            return all;
        }

        private static String text(String resource) {
            try (InputStream in = Playbooks.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new CsKitException("the playbook " + resource
                            + " is missing from the class path; the cs-process jar is"
                            + " incomplete");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CsKitException("cannot read the playbook " + resource, e);
            }
        }
    }
}

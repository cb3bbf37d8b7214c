package dev.cskit.examples.demo;

import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.playbook.Playbooks;
import java.util.List;

/**
 * Which built-in playbooks the demo starts when: registration at signup (it starts welcome,
 * training and quick wins in turn), recommendations and growth at the run's start for the
 * customers already active, support on each ticket, offboarding on a cancellation, and
 * advanced training once a new customer is onboarded.
 *
 * @param all every playbook, registered with the runner and drawn in the report
 * @param onSignUp keys started when a customer signs up
 * @param onActive keys started at the run's start for customers already active
 * @param onTicket the key started for each support ticket
 * @param onCancel the key started when a customer cancels
 * @param onboarding the onboarding chain in order, for the funnel
 * @param onboarded the key whose completion ends onboarding
 * @param afterOnboarding keys started when onboarding ends
 */
record PlaybookPlan(List<ProcessDefinition> all, List<String> onSignUp, List<String> onActive,
        String onTicket, String onCancel, List<String> onboarding, String onboarded,
        List<String> afterOnboarding) {

    PlaybookPlan {
        all = List.copyOf(all);
        onSignUp = List.copyOf(onSignUp);
        onActive = List.copyOf(onActive);
        onboarding = List.copyOf(onboarding);
        afterOnboarding = List.copyOf(afterOnboarding);
    }

    /** @return the plan over cs-process's built-in playbooks */
    static PlaybookPlan builtIn() {
        return new PlaybookPlan(Playbooks.all(), List.of("registration"),
                List.of("recommendations", "growth"), "support", "offboarding",
                List.of("registration", "welcome", "training", "quick-wins"), "quick-wins",
                List.of("advanced-training"));
    }

    /**
     * @param key a playbook key
     * @return the playbook's name
     */
    String name(String key) {
        return all.stream().filter(d -> d.key().equals(key)).map(ProcessDefinition::name)
                .findFirst().orElse(key);
    }
}

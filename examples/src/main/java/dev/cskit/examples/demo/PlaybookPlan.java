package dev.cskit.examples.demo;

import dev.cskit.process.ProcessDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Which playbooks the demo starts when: at signup (onboarding), for customers already active
 * when the run starts, on a support ticket, and on a cancellation.
 *
 * @param all every playbook, registered with the runner and drawn in the report
 * @param onSignUp keys started when a customer signs up, in order
 * @param onActive keys started at the run's start for customers already active
 * @param onTicket the key started for each support ticket, if any
 * @param onCancel the key started when a customer cancels, if any
 * @param onboarding the key of the playbook whose completion ends onboarding
 */
record PlaybookPlan(List<ProcessDefinition> all, List<String> onSignUp, List<String> onActive,
        Optional<String> onTicket, Optional<String> onCancel, String onboarding) {

    PlaybookPlan {
        all = List.copyOf(all);
        onSignUp = List.copyOf(onSignUp);
        onActive = List.copyOf(onActive);
    }
}

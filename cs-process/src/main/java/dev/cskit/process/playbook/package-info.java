/**
 * The built-in playbooks: ordinary process definitions for the whole customer lifecycle,
 * shipped as JSON resources and read through {@link dev.cskit.process.playbook.Playbooks}.
 */
package dev.cskit.process.playbook;

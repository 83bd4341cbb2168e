/**
 * Stage 4, detect: a closed scope's snapshot to findings. Receives per-shape, per-call-site groups; decides
 * {@code N_PLUS_ONE} or {@code DUPLICATE} by the rules of DESIGN.md, links each loop to the statement whose
 * results produced its keys (the parent), and asks the suggest stage for the cure. A new rule starts here:
 * a method that judges a group, and a test in the scenario suites that runs it through every entry point.
 */
package dev.nplusone.internal.detect;

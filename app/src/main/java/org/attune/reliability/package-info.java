/**
 * The reliability procedure around the coding (issue 19; docs/reliability-workflow.md): a lab's criterion of
 * agreement and whether a pair of passes meets it, trainees' progress to the criterion against a gold standard,
 * the random sample of sessions to double-code, and agreement over coding time (drift). Pure: computed from
 * marks and dates handed in, tested without a study file.
 */
package org.attune.reliability;

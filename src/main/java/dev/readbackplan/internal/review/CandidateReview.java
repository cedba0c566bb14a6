package dev.readbackplan.internal.review;

import java.util.List;

/**
 * The review of one candidate. Lists in catalog and readback-field order; pointers only, never
 * values. {@code reasons} has one entry per failed check, in the same order; {@code
 * quarantineReasons} one per quarantined field (what is wrong, and the accepted shapes). {@code
 * nulledFields} are those of {@code quarantinedFields} with a secret or raw-payload finding: the
 * only values {@code --write} removes; the others are quarantined for their shape alone, hold no
 * secret, and stay. {@code scannerRules} has one entry per quarantined field too: the ids of the
 * secret scanner rules that fired in it, sorted (empty when it is quarantined for its shape alone).
 *
 * @param index the candidate's index in the plan
 * @param candidateId its {@code post_incident_readback_candidate_id}
 * @param surfaceId its {@code surface_id}
 * @param lane the outcome lane the review puts it in
 * @param claimedLane the lane its reviewers claimed, or null
 * @param failedChecks the ids of the checks it fails
 * @param missingFields the evidence fields not filled
 * @param quarantinedFields the pointers of its quarantined evidence fields
 * @param nulledFields the pointers of those with a secret or raw-payload finding
 * @param reasons why each check failed
 * @param quarantineReasons why each field is quarantined
 * @param scannerRules the scanner rules that fired in each quarantined field
 */
public record CandidateReview(int index, String candidateId, String surfaceId, String lane, String claimedLane,
        List<String> failedChecks, List<String> missingFields, List<String> quarantinedFields, List<String> nulledFields,
        List<ReviewRules.Reason> reasons, List<String> quarantineReasons, List<List<String>> scannerRules) {}

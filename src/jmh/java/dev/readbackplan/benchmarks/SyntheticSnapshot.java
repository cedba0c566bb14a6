package dev.readbackplan.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Snapshots shaped like the reference's make_snapshot.py, made in process so that benchmarks need no Python. */
final class SyntheticSnapshot {
    private static final String[] KINDS = {"prometheus_alert_rules", "grafana_alert_rules", "signoz_alert_rules",
        "reload_capable_script", "sentry_deploy_script", "host_deploy_script", "alertmanager_config",
        "prometheus_scrape_config", "otel_collector_config", "grafana_dashboard", "langfuse_config",
        "receiver_route_config", "telegram_notifier", "exporter_config", "docs_only"};
    private static final String[] SCOPES = {"prometheus", "alertmanager", "grafana", "signoz", "sentry", "langfuse", "otel", "telegram", "exporter"};
    private static final String[] TIERS = {"tier0_read_only", "tier1_config", "tier2_reload_capable", "tier3_deploy_capable"};
    private static final String[] EXPECTED = {"owner_confirm_scope", "owner_confirm_receiver", "owner_confirm_rules", "owner_confirm_no_runtime"};

    private SyntheticSnapshot() {}

    static byte[] of(int candidates, long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder(candidates * 760 + 1024);
        json.append("{\n  \"schema_version\": \"monitoring_owner_response_acceptance_v1\",\n")
                .append("  \"status\": \"owner_response_acceptance_ready_no_runtime_action\",\n")
                .append("  \"acceptance_candidates\": [");
        int writeCapable = 0;
        int liveEvidence = 0;
        for (int i = 0; i < candidates; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String scope = SCOPES[random.nextInt(SCOPES.length)];
            String surface = String.format("%s_%s_%05d", scope, kind, i);
            boolean write = random.nextDouble() < 0.4;
            boolean live = random.nextDouble() < 0.6;
            writeCapable += write ? 1 : 0;
            liveEvidence += live ? 1 : 0;
            json.append(i == 0 ? "\n" : ",\n").append("    {\n")
                    .append("      \"acceptance_candidate_id\": \"monitoring_owner_response_acceptance:").append(surface).append("\",\n")
                    .append("      \"request_id\": \"monitoring_owner_request:").append(surface).append("\",\n")
                    .append("      \"surface_id\": \"").append(surface).append("\",\n")
                    .append("      \"label\": \"").append(scope).append(' ').append(kind).append(" #").append(i).append("\",\n")
                    .append("      \"expected_scope\": \"").append(EXPECTED[random.nextInt(EXPECTED.length)]).append("\",\n")
                    .append("      \"config_kind\": \"").append(kind).append("\",\n")
                    .append("      \"observability_scope\": \"").append(scope).append("\",\n")
                    .append("      \"control_tier\": \"").append(TIERS[random.nextInt(TIERS.length)]).append("\",\n")
                    .append("      \"repo_source_path\": \"ops/").append(scope).append('/').append(kind).append('/').append(i).append(".yml\",\n")
                    .append("      \"repo_sha256\": \"").append(sha256(surface + ":" + random.nextDouble())).append("\",\n")
                    .append("      \"source_line_count\": ").append(1 + random.nextInt(2000)).append(",\n")
                    .append("      \"write_capable_surface\": ").append(write).append(",\n")
                    .append("      \"requires_live_evidence\": ").append(live).append("\n    }");
        }
        json.append("\n  ],\n  \"summary\": {\n")
                .append("    \"acceptance_candidate_count\": ").append(candidates).append(",\n")
                .append("    \"write_capable_acceptance_candidate_count\": ").append(writeCapable).append(",\n")
                .append("    \"live_evidence_required_candidate_count\": ").append(liveEvidence).append("\n  }\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

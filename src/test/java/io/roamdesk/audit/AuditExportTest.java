package io.roamdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditExportTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditExport export;
    @Autowired
    TestApps testApps;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void typedTextCannotShiftTheColumnsOrRunAsAFormulaAndTimesAreIso() throws Exception {
        App app = testApps.createRoaming();
        List<String> hostile = List.of("a,b\rc", "a,b\u2028c", "x\"y,z\nw", "=HYPERLINK(\"http://x\")", "-2+3", "@SUM(A1)");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (String h : hostile) {
                trail.record(new Actor(h, "SUPPORT"), AuditAction.SIGN_IN, app.appId(), null, h, Map.of(), AuditOutcome.FAILURE, h);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.csv(new AuditQuery(null, null, null, null, app.appId(), null), out);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(hostile.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertThat(row.size()).as("columns of row " + i).isEqualTo(AuditExport.COLUMNS.length);
            String expected = "=+-@".indexOf(hostile.get(i).charAt(0)) >= 0 ? "'" + hostile.get(i) : hostile.get(i);
            assertThat(row.get("reason")).isEqualTo(expected);
            assertThat(row.get("target")).isEqualTo(expected);
            assertThat(row.get("occurred_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        }
    }
}

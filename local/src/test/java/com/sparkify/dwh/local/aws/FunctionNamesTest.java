package com.sparkify.dwh.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deployed FunctionNames back to template.yaml's logical ids, which the step tracker knows them by. */
class FunctionNamesTest {

    private final FunctionNames names = FunctionNames.fromTemplate();

    @Test
    void findsTheLogicalIdInAnAliasArnAPlainArnOrAName() {
        assertThat(names.logicalId("arn:aws:lambda:us-west-2:123456789012:function:sparkify-dwh-CheckStatementFunction-Ab12Cd:live"))
                .isEqualTo("CheckStatementFunction");
        assertThat(names.logicalId("arn:aws:lambda:us-west-2:123456789012:function:sparkify-dwh-PlanRunFunction-k3J9xQ2mR7tW"))
                .isEqualTo("PlanRunFunction");
        assertThat(names.logicalId("sparkify-dwh-LoadTableFunction-Qp1Rs2Tu3Vw4")).isEqualTo("LoadTableFunction");
        assertThat(names.logicalId("123456789012:function:prod-QualityChecksFunction-Gh9Ij0Kl1Mn2:7"))
                .isEqualTo("QualityChecksFunction");
    }

    @Test
    void aLogicalIdCutShortByCloudFormationStillMatchesWhenOnlyOneFits() {
        // A long stack name leaves 64 characters too few: CloudFormation cuts both parts.
        assertThat(names.logicalId("sparkify-data-warehouse-production-eu-StageDatasetFunc-1X2Y3Z4A5B6C"))
                .isEqualTo("StageDatasetFunction");
        // "Cancel..." and "Check..." share no 8-character prefix; "CheckSta" fits one function only.
        assertThat(names.logicalId("sparkify-data-warehouse-production-euwest-CheckSta-1X2Y3Z4A5B6C"))
                .isEqualTo("CheckStatementFunction");
    }

    @Test
    void anUnknownFunctionKeepsItsName() {
        assertThat(names.logicalId("arn:aws:lambda:us-west-2:123456789012:function:someone-elses-function"))
                .isEqualTo("arn:aws:lambda:us-west-2:123456789012:function:someone-elses-function");
        assertThat(names.logicalId(null)).isNull();
    }
}

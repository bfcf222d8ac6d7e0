package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSONPath Choice Rules: every comparison operator, the Boolean expressions, Default and NoChoiceMatched. */
class ChoiceStateTest {

    /** Runs a Choice whose single rule leads to "Yes", with Default "No"; returns the state reached. */
    private static String decide(String rule, String input) {
        StateMachine machine = Asl.machine("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[" + rule.substring(0, rule.length() - 1) + ",'Next':'Yes'}"
                + "],'Default':'No'},'Yes':{'Type':'Pass','Result':'Yes','End':true},'No':{'Type':'Pass','Result':'No','End':true}}}");
        ExecutionResult result = Asl.run(machine, input, null);
        assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo("SUCCEEDED");
        return result.output().asText();
    }

    private static String decideTopLevel(String ruleWithNext, String input) {
        StateMachine machine = Asl.machine("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[" + ruleWithNext
                + "],'Default':'No'},'Yes':{'Type':'Pass','Result':'Yes','End':true},'No':{'Type':'Pass','Result':'No','End':true}}}");
        ExecutionResult result = Asl.run(machine, input, null);
        assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo("SUCCEEDED");
        return result.output().asText();
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "StringEquals|'b'|{'v':'b'}|Yes",
        "StringEquals|'b'|{'v':'B'}|No",
        "StringLessThan|'b'|{'v':'a'}|Yes",
        "StringLessThan|'b'|{'v':'b'}|No",
        "StringGreaterThan|'b'|{'v':'c'}|Yes",
        "StringLessThanEquals|'b'|{'v':'b'}|Yes",
        "StringGreaterThanEquals|'b'|{'v':'a'}|No",
        "NumericEquals|1|{'v':1.0}|Yes",
        "NumericEquals|1|{'v':'1'}|No",
        "NumericLessThan|1|{'v':0.5}|Yes",
        "NumericGreaterThan|1|{'v':1}|No",
        "NumericLessThanEquals|1|{'v':1}|Yes",
        "NumericGreaterThanEquals|720|{'v':720}|Yes",
        "NumericGreaterThanEquals|720|{'v':719}|No",
        "BooleanEquals|true|{'v':true}|Yes",
        "BooleanEquals|true|{'v':'true'}|No",
        "TimestampEquals|'2016-03-14T01:59:00Z'|{'v':'2016-03-14T02:59:00+01:00'}|Yes",
        "TimestampLessThan|'2016-03-14T01:59:00Z'|{'v':'2016-03-14T01:58:59.999Z'}|Yes",
        "TimestampGreaterThan|'2016-03-14T01:59:00Z'|{'v':'2016-03-14T01:59:00Z'}|No",
        "TimestampLessThanEquals|'2016-03-14T01:59:00Z'|{'v':'2016-03-14T01:59:00Z'}|Yes",
        "TimestampGreaterThanEquals|'2016-03-14T01:59:00Z'|{'v':'2016-03-15T00:00:00Z'}|Yes",
        "TimestampEquals|'2016-03-14T01:59:00Z'|{'v':'2016-03-14 01:59:00Z'}|No",
        "TimestampEquals|'2016-03-14T01:59:00Z'|{'v':'2016-03-14t01:59:00z'}|No",
        "IsNull|true|{'v':null}|Yes",
        "IsNull|true|{'v':0}|No",
        "IsNull|false|{'v':0}|Yes",
        "IsPresent|true|{'v':null}|Yes",
        "IsPresent|true|{'w':1}|No",
        "IsPresent|false|{'w':1}|Yes",
        "IsNumeric|true|{'v':1.5}|Yes",
        "IsNumeric|true|{'v':'1.5'}|No",
        "IsString|true|{'v':'x'}|Yes",
        "IsString|false|{'v':1}|Yes",
        "IsBoolean|true|{'v':false}|Yes",
        "IsTimestamp|true|{'v':'2016-03-14T01:59:00Z'}|Yes",
        "IsTimestamp|true|{'v':'yesterday'}|No",
    })
    void comparisonOperators(String operator, String operand, String input, String expected) {
        assertThat(decide("{'Variable':'$.v','" + operator + "':" + operand + "}", input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "StringEqualsPath|{'v':'a','w':'a'}|Yes",
        "StringLessThanPath|{'v':'a','w':'b'}|Yes",
        "StringGreaterThanPath|{'v':'a','w':'b'}|No",
        "StringLessThanEqualsPath|{'v':'b','w':'b'}|Yes",
        "StringGreaterThanEqualsPath|{'v':'c','w':'b'}|Yes",
        "NumericEqualsPath|{'v':2,'w':2.0}|Yes",
        "NumericLessThanPath|{'v':1,'w':2}|Yes",
        "NumericGreaterThanPath|{'v':1,'w':2}|No",
        "NumericLessThanEqualsPath|{'v':2,'w':2}|Yes",
        "NumericGreaterThanEqualsPath|{'v':3,'w':2}|Yes",
        "NumericEqualsPath|{'v':2,'w':'2'}|No",
        "BooleanEqualsPath|{'v':false,'w':false}|Yes",
        "TimestampEqualsPath|{'v':'2020-01-01T00:00:00Z','w':'2020-01-01T00:00:00Z'}|Yes",
        "TimestampLessThanPath|{'v':'2020-01-01T00:00:00Z','w':'2020-01-02T00:00:00Z'}|Yes",
        "TimestampGreaterThanPath|{'v':'2020-01-01T00:00:00Z','w':'2020-01-02T00:00:00Z'}|No",
        "TimestampLessThanEqualsPath|{'v':'2020-01-01T00:00:00Z','w':'2020-01-01T00:00:00Z'}|Yes",
        "TimestampGreaterThanEqualsPath|{'v':'2020-01-03T00:00:00Z','w':'2020-01-02T00:00:00Z'}|Yes",
    })
    void pathComparisonOperators(String operator, String input, String expected) {
        assertThat(decide("{'Variable':'$.v','" + operator + "':'$.w'}", input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "foo*.log|foo23.log|Yes",
        "*.log|zebra.log|Yes",
        "foo*.*|foobar.zebra|Yes",
        "foo*.log|foo23.txt|No",
        "log-*.txt|log-.txt|Yes",
        "a?c|abc|No",
        "a.c|abc|No",
        "*|anything at all|Yes",
    })
    void stringMatchesExamplesOfTheSpecification(String pattern, String value, String expected) {
        assertThat(decide("{'Variable':'$.v','StringMatches':'" + pattern + "'}", "{'v':'" + value + "'}")).isEqualTo(expected);
    }

    @Test
    void stringMatchesEscapes() {
        // JSON "\\*" is the text \* (a literal star); JSON "\\\\" is the text \\ (a literal backslash)
        StateMachine machine = StateMachine.parse("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.v","StringMatches":"a\\\\*b*\\\\\\\\","Next":"Yes"}],"Default":"No"},
                 "Yes":{"Type":"Pass","Result":"Yes","End":true},"No":{"Type":"Pass","Result":"No","End":true}}}""");

        assertThat(machine.run("t", Asl.JSON.createObjectNode().put("v", "a*bcd\\"), Asl.options(null)).output().asText())
                .isEqualTo("Yes");
        assertThat(machine.run("t", Asl.JSON.createObjectNode().put("v", "a*b\\"), Asl.options(null)).output().asText())
                .isEqualTo("Yes");
        assertThat(machine.run("t", Asl.JSON.createObjectNode().put("v", "axb\\"), Asl.options(null)).output().asText())
                .isEqualTo("No");
    }

    @Test
    void theDispatchEventExampleOfTheSpecification() {
        String choices = "{'Not':{'Variable':'$.type','StringEquals':'Private'},'Next':'Public'},"
                + "{'And':[{'Variable':'$.value','IsPresent':true},{'Variable':'$.value','IsNumeric':true},"
                + "{'Variable':'$.value','NumericGreaterThanEquals':20},{'Variable':'$.value','NumericLessThan':30}],"
                + "'Next':'ValueInTwenties'},"
                + "{'Variable':'$.rating','NumericGreaterThanPath':'$.auditThreshold','Next':'StartAudit'}";
        StateMachine machine = Asl.machine("{'StartAt':'DispatchEvent','States':{'DispatchEvent':{'Type':'Choice','Choices':["
                + choices + "],'Default':'RecordEvent'},"
                + "'Public':{'Type':'Pass','Result':'Public','End':true},"
                + "'ValueInTwenties':{'Type':'Pass','Result':'ValueInTwenties','End':true},"
                + "'StartAudit':{'Type':'Pass','Result':'StartAudit','End':true},"
                + "'RecordEvent':{'Type':'Pass','Result':'RecordEvent','End':true}}}");

        assertThat(Asl.run(machine, "{'type':'Private','value':22}", null).output().asText()).isEqualTo("ValueInTwenties");
        assertThat(Asl.run(machine, "{'type':'Public','value':22}", null).output().asText()).isEqualTo("Public");
        assertThat(Asl.run(machine, "{'type':'Private','value':35,'rating':9,'auditThreshold':8}", null).output().asText())
                .isEqualTo("StartAudit");
        assertThat(Asl.run(machine, "{'type':'Private','rating':7,'auditThreshold':8}", null).output().asText())
                .isEqualTo("RecordEvent");
    }

    @Test
    void orShortCircuitsAndNotInverts() {
        String or = "{'Or':[{'Variable':'$.s','StringEquals':'FAILED'},{'Variable':'$.s','StringEquals':'ABORTED'}],'Next':'Yes'}";
        assertThat(decideTopLevel(or, "{'s':'ABORTED'}")).isEqualTo("Yes");
        assertThat(decideTopLevel(or, "{'s':'FINISHED'}")).isEqualTo("No");
        // the second operand would be a run-time error if evaluated
        String shortCircuit = "{'Or':[{'Variable':'$.s','IsPresent':true},{'Variable':'$.missing','StringEquals':'x'}],'Next':'Yes'}";
        assertThat(decideTopLevel(shortCircuit, "{'s':1}")).isEqualTo("Yes");
        String and = "{'And':[{'Variable':'$.s','IsPresent':true},{'Variable':'$.s','IsString':true}],'Next':'Yes'}";
        assertThat(decideTopLevel(and, "{'s':1}")).isEqualTo("No");
    }

    @Test
    void theFirstMatchingRuleWinsAndTheOutputIsTheInput() {
        StateMachine machine = Asl.machine("{'StartAt':'C','States':{'C':{'Type':'Choice','InputPath':'$.data','OutputPath':'$.keep','Choices':["
                + "{'Variable':'$.n','NumericGreaterThan':1,'Next':'A'},{'Variable':'$.n','NumericGreaterThan':0,'Next':'B'}]},"
                + "'A':{'Type':'Pass','Result':'A','ResultPath':'$.went','End':true},'B':{'Type':'Pass','Result':'B','ResultPath':'$.went','End':true}}}");

        assertThat(Asl.run(machine, "{'data':{'n':5,'keep':{'k':1}}}", null).output()).isEqualTo(json("{'k':1,'went':'A'}"));
    }

    @Test
    void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
        StateMachine machine = Asl.machine("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'Variable':'$.n','NumericEquals':1,'Next':'A'}]},'A':{'Type':'Succeed'}}}");

        ExecutionResult result = Asl.run(machine, "{'n':2}", null);

        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
        assertThat(Asl.types(result)).containsExactly("ExecutionStarted", "ChoiceStateEntered", "ExecutionFailed");
    }

    @Test
    void aVariableThatSelectsNothingIsARuntimeError() {
        StateMachine machine = Asl.machine("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'Variable':'$.missing','StringEquals':'x','Next':'A'}],'Default':'A'},'A':{'Type':'Succeed'}}}");
        StateMachine pathOperand = Asl.machine("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'Variable':'$.v','StringEqualsPath':'$.missing','Next':'A'}],'Default':'A'},'A':{'Type':'Succeed'}}}");

        assertThat(Asl.run(machine, "{}", null).error()).isEqualTo("States.Runtime");
        assertThat(Asl.run(machine, "{}", null).cause()).contains("$.missing");
        assertThat(Asl.run(pathOperand, "{'v':'x'}", null).error()).isEqualTo("States.Runtime");
    }

    @Test
    void noChoiceMatchedInsideAParallelCanBeCaughtByTheParallel() {
        StateMachine machine = Asl.machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'C','States':{"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericEquals':1,'Next':'A'}]},'A':{'Type':'Succeed'}}}],"
                + "'Catch':[{'ErrorEquals':['States.NoChoiceMatched'],'Next':'Handled'}],'End':true},"
                + "'Handled':{'Type':'Succeed'}}}");

        ExecutionResult result = Asl.run(machine, "{'n':2}", null);

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output().get("Error").asText()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void theContextObjectCanBeTested() {
        assertThat(decide("{'Variable':'$$.Execution.Name','StringEquals':'test'}", "{}")).isEqualTo("Yes");
    }
}

package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static com.sparkify.dwh.local.states.Asl.run;
import static com.sparkify.dwh.local.states.Asl.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** InputPath, Parameters, ResultSelector, ResultPath, OutputPath and the Context Object. */
class InputOutputProcessingTest {
    private static final String ADD = "arn:aws:lambda:us-east-1:123456789012:function:Add";

    private final Asl.Tasks tasks = new Asl.Tasks()
            .on(ADD, (p, c) -> Asl.JSON.getNodeFactory().numberNode(p.get("val1").asInt() + p.get("val2").asInt()));

    @Test
    void theAddExampleReturnsTheTaskResultAsTheOutput() {
        ExecutionResult result = run(single("{'Type':'Task','Resource':'" + ADD + "','End':true}"),
                "{'val1':3,'val2':4}", tasks);

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output()).isEqualTo(json("7"));
    }

    @Test
    void inputPathSelectsTheTaskInputAndResultPathCombinesTheResultWithTheRawInput() {
        ExecutionResult result = run(single("{'Type':'Task','Resource':'" + ADD
                        + "','InputPath':'$.numbers','ResultPath':'$.sum','End':true}"),
                "{'title':'Numbers to add','numbers':{'val1':3,'val2':4}}", tasks);

        assertThat(result.output()).isEqualTo(json("{'title':'Numbers to add','numbers':{'val1':3,'val2':4},'sum':7}"));
        assertThat(tasks.calls.get(0).parameters()).isEqualTo(json("{'val1':3,'val2':4}"));
    }

    @Test
    void resultPathConstructsMissingObjects() {
        Asl.Tasks hi = new Asl.Tasks().on("hi", (p, c) -> Asl.JSON.getNodeFactory().textNode("Hi!"));

        ExecutionResult result = run(single("{'Type':'Task','Resource':'hi','ResultPath':'$.b.greeting','End':true}"),
                "{'a':1}", hi);

        assertThat(result.output()).isEqualTo(json("{'a':1,'b':{'greeting':'Hi!'}}"));
    }

    @Test
    void resultPathOverwritesAnExistingFieldOrChainsNewFields() {
        String input = "{'master':{'detail':[1,2,3]}}";

        ExecutionResult overwrite = run(single("{'Type':'Pass','Result':6,'ResultPath':'$.master.detail','End':true}"),
                input, tasks);
        ExecutionResult chained = run(single("{'Type':'Pass','Result':6,'ResultPath':'$.master.result.sum','End':true}"),
                input, tasks);

        assertThat(overwrite.output()).isEqualTo(json("{'master':{'detail':6}}"));
        assertThat(chained.output()).isEqualTo(json("{'master':{'detail':[1,2,3],'result':{'sum':6}}}"));
    }

    @Test
    void resultPathIntoAnArrayElementAndTheRoot() {
        ExecutionResult element = run(single("{'Type':'Pass','Result':'x','ResultPath':'$.list[1]','End':true}"),
                "{'list':[1,2,3]}", tasks);
        ExecutionResult root = run(single("{'Type':'Pass','Result':{'r':1},'ResultPath':'$','End':true}"),
                "{'list':[1,2,3]}", tasks);

        assertThat(element.output()).isEqualTo(json("{'list':[1,'x',3]}"));
        assertThat(root.output()).isEqualTo(json("{'r':1}"));
    }

    @Test
    void resultPathThatCannotApplyFailsWithResultPathMatchFailure() {
        ExecutionResult result = run(single("{'Type':'Pass','Result':1,'ResultPath':'$.x','End':true}"), "'foo'", tasks);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void resultPathMatchFailureCanBeCaught() {
        ExecutionResult result = run(Asl.machine("{'StartAt':'T','States':{"
                        + "'T':{'Type':'Task','Resource':'hi','ResultPath':'$.a.b','Catch':[{'ErrorEquals':['States.ResultPathMatchFailure'],'Next':'Done'}],'End':true},"
                        + "'Done':{'Type':'Pass','End':true}}}"),
                "{'a':'a string'}", new Asl.Tasks().on("hi", (p, c) -> json("1")));

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output().get("Error").asText()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void nullInputPathGivesAnEmptyObjectNullResultPathKeepsTheInputNullOutputPathGivesAnEmptyObject() {
        Asl.Tasks echo = new Asl.Tasks().on("echo", (p, c) -> json("{'echo':" + p + "}"));

        ExecutionResult inputNull = run(single("{'Type':'Task','Resource':'echo','InputPath':null,'End':true}"), "{'a':1}", echo);
        ExecutionResult resultNull = run(single("{'Type':'Task','Resource':'echo','ResultPath':null,'End':true}"), "{'a':1}", echo);
        ExecutionResult outputNull = run(single("{'Type':'Task','Resource':'echo','OutputPath':null,'End':true}"), "{'a':1}", echo);

        assertThat(inputNull.output()).isEqualTo(json("{'echo':{}}"));
        assertThat(resultNull.output()).isEqualTo(json("{'a':1}"));
        assertThat(outputNull.output()).isEqualTo(json("{}"));
    }

    @Test
    void aPathYieldingSeveralValuesGathersThemIntoAnArray() {
        ExecutionResult in = run(single("{'Type':'Pass','InputPath':'$.a[0,1]','End':true}"), "{'a':[1,2,3]}", tasks);
        ExecutionResult out = run(single("{'Type':'Pass','OutputPath':'$.a[1:]','End':true}"), "{'a':[1,2,3]}", tasks);

        assertThat(in.output()).isEqualTo(json("[1,2]"));
        assertThat(out.output()).isEqualTo(json("[2,3]"));
    }

    @Test
    void thePayloadTemplateExampleOfTheSpecification() {
        Asl.Tasks capture = new Asl.Tasks().on("arn:aws:states:us-east-1:123456789012:task:X", (p, c) -> p);
        StateMachine machine = StateMachine.parse("""
                {"StartAt":"X","States":{"X":{
                  "Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:task:X","End":true,
                  "Parameters":{
                    "flagged":true,
                    "parts":{"first.$":"$.vals[0]","last3.$":"$.vals[-3:]"},
                    "weekday.$":"$.DayOfWeek",
                    "formattedOutput.$":"States.Format('Today is {}', $.DayOfWeek)"}}}}""");

        ExecutionResult result = run(machine, "{'flagged':7,'vals':[0,10,20,30,40,50],'DayOfWeek':'TUESDAY'}", capture);

        assertThat(capture.calls.get(0).parameters()).isEqualTo(json("{'flagged':true,'parts':{'first':0,'last3':[30,40,50]},"
                + "'weekday':'TUESDAY','formattedOutput':'Today is TUESDAY'}"));
        assertThat(result.status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void dollarFieldsAreReplacedInsideArraysToo() {
        ExecutionResult result = run(single("{'Type':'Pass','Parameters':{'list':[{'v.$':'$.a'},2,'plain']},'End':true}"),
                "{'a':'x'}", tasks);

        assertThat(result.output()).isEqualTo(json("{'list':[{'v':'x'},2,'plain']}"));
    }

    @Test
    void aParametersPathThatSelectsNothingFailsWithParameterPathFailure() {
        ExecutionResult result = run(single("{'Type':'Pass','Parameters':{'x.$':'$.missing'},'End':true}"), "{}", tasks);

        assertThat(result.error()).isEqualTo("States.ParameterPathFailure");
        assertThat(result.cause()).contains("$.missing").contains("x.$");
    }

    @Test
    void aJsonNullIsAValueNotAMissingField() {
        ExecutionResult result = run(single("{'Type':'Pass','Parameters':{'x.$':'$.n','y.$':'$.list[0]'},'End':true}"),
                "{'n':null,'list':[null]}", tasks);

        assertThat(result.output()).isEqualTo(json("{'x':null,'y':null}"));
    }

    @Test
    void anIndexPastTheEndSelectsNothing() {
        ExecutionResult result = run(single("{'Type':'Pass','Parameters':{'x.$':'$.list[5]'},'End':true}"),
                "{'list':[1]}", tasks);

        assertThat(result.error()).isEqualTo("States.ParameterPathFailure");
    }

    @Test
    void resultSelectorReshapesTheResultBeforeResultPath() {
        Asl.Tasks lambda = new Asl.Tasks().on("arn:aws:states:::lambda:invoke",
                (p, c) -> json("{'ExecutedVersion':'$LATEST','Payload':{'statementId':'s-1','rows':3},'StatusCode':200}"));

        ExecutionResult result = run(single("{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'ResultSelector':{'id.$':'$.Payload.statementId','code.$':'$.StatusCode','fixed':true},"
                + "'ResultPath':'$.statement','End':true}"), "{'run':'r'}", lambda);

        assertThat(result.output()).isEqualTo(json("{'run':'r','statement':{'id':'s-1','code':200,'fixed':true}}"));
    }

    @Test
    void outputPathAppliesAfterResultPath() {
        ExecutionResult result = run(single("{'Type':'Pass','Result':{'x':1},'ResultPath':'$.r','OutputPath':'$.r','End':true}"),
                "{'a':1}", tasks);

        assertThat(result.output()).isEqualTo(json("{'x':1}"));
    }

    @Test
    void thePassStateExampleInjectsFixedData() {
        ExecutionResult result = run(single("{'Type':'Pass','Result':{'x-datum':0.381018,'y-datum':622.2269926397355},"
                + "'ResultPath':'$.coords','End':true}"), "{'georefOf':'Home'}", tasks);

        assertThat(result.output()).isEqualTo(json("{'georefOf':'Home','coords':{'x-datum':0.381018,'y-datum':622.2269926397355}}"));
    }

    @Test
    void passWithParametersOutputsThePayload() {
        ExecutionResult result = run(single("{'Type':'Pass','Parameters':{'total.$':'$.transaction.total'},'End':true}"),
                "{'transaction':{'total':12.5}}", tasks);

        assertThat(result.output()).isEqualTo(json("{'total':12.5}"));
    }

    @Test
    void inputPathAndOutputPathFailuresAreRuntimeErrorsThatNoCatcherHandles() {
        String catchAll = ",'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'Retry':[{'ErrorEquals':['States.ALL']}]";
        StateMachine inputPath = Asl.machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'echo','InputPath':'$.missing'"
                + catchAll + ",'End':true},'Caught':{'Type':'Succeed'}}}");
        StateMachine outputPath = Asl.machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'echo','OutputPath':'$.missing'"
                + catchAll + ",'End':true},'Caught':{'Type':'Succeed'}}}");
        Asl.Tasks echo = new Asl.Tasks().on("echo", (p, c) -> p);

        ExecutionResult in = run(inputPath, "{'a':1}", echo);
        ExecutionResult out = run(outputPath, "{'a':1}", echo);

        assertThat(in.error()).isEqualTo("States.Runtime");
        assertThat(in.cause()).contains("InputPath");
        assertThat(out.error()).isEqualTo("States.Runtime");
        assertThat(out.cause()).contains("OutputPath");
        assertThat(echo.calls).hasSize(1);
    }

    @Test
    void theContextObjectDescribesTheExecutionTheStateAndTheStateMachine() {
        StateMachine machine = single("{'Type':'Pass','Parameters':{'id.$':'$$.Execution.Id','name.$':'$$.Execution.Name',"
                + "'input.$':'$$.Execution.Input','start.$':'$$.Execution.StartTime','role.$':'$$.Execution.RoleArn',"
                + "'state.$':'$$.State.Name','entered.$':'$$.State.EnteredTime','retries.$':'$$.State.RetryCount',"
                + "'sm.$':'$$.StateMachine.Id','smName.$':'$$.StateMachine.Name','whole.$':'$$'},'End':true}");
        String arn = "arn:aws:states:eu-west-1:111122223333:stateMachine:sparkify-etl";

        Instant before = Instant.now().minusMillis(1);
        ExecutionResult result = machine.run("run-42", json("{'k':'v'}"),
                new ExecutionOptions(null, Sleeper.scaled(0), ExecutionListener.NONE, arn));
        JsonNode out = result.output();

        assertThat(out.get("id").asText()).isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:sparkify-etl:run-42");
        assertThat(out.get("name").asText()).isEqualTo("run-42");
        assertThat(out.get("input")).isEqualTo(json("{'k':'v'}"));
        assertThat(Instant.parse(out.get("start").asText())).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(out.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(out.get("role").asText()).startsWith("arn:aws:iam::111122223333:role/");
        assertThat(out.get("state").asText()).isEqualTo("S");
        assertThat(Instant.parse(out.get("entered").asText())).isAfterOrEqualTo(Instant.parse(out.get("start").asText()));
        assertThat(out.get("retries").asInt()).isZero();
        assertThat(out.get("sm").asText()).isEqualTo(arn);
        assertThat(out.get("smName").asText()).isEqualTo("sparkify-etl");
        assertThat(out.get("whole").has("Map")).isFalse();
    }

    @Test
    void noInputMeansAnEmptyObject() {
        ExecutionResult result = single("{'Type':'Pass','End':true}").run("n", null, Asl.options(null));

        assertThat(result.output()).isEqualTo(json("{}"));
    }

    @Test
    void stateOutputIsTheNextStatesInput() {
        ExecutionResult result = run(Asl.machine("{'StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Result':1,'ResultPath':'$.a','Next':'B'},"
                + "'B':{'Type':'Pass','Result':2,'ResultPath':'$.b','Next':'C'},"
                + "'C':{'Type':'Succeed','InputPath':'$.b'}}}"), "{}", tasks);

        assertThat(result.output()).isEqualTo(json("2"));
    }

    @Test
    void theCallersInputIsNotModified() {
        JsonNode input = json("{'a':{'b':1}}");

        single("{'Type':'Pass','Result':2,'ResultPath':'$.a.c','End':true}").run("x", input, Asl.options(null));

        assertThat(input).isEqualTo(json("{'a':{'b':1}}"));
    }
}

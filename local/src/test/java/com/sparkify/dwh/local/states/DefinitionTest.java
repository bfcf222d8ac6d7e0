package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.machine;
import static com.sparkify.dwh.local.states.Asl.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Load-time validation: the structure rules of the specification, and refusal of unsupported features. */
class DefinitionTest {

    @Test
    void theProjectsStateMachineParses() throws IOException {
        String definition = Files.readString(Path.of("..", "statemachine", "etl.asl.json"));

        StateMachine machine = StateMachine.parse(definition);

        assertThat(machine.stateNames()).isNotEmpty().contains(machine.startAt());
        assertThat(machine.comment()).isNotBlank();
    }

    @Test
    void helloWorldFromTheSpecification() {
        StateMachine machine = machine("{'Comment':'A simple minimal example of the States language','StartAt':'Hello World',"
                + "'States':{'Hello World':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:HelloWorld','End':true}}}");

        assertThat(machine.comment()).isEqualTo("A simple minimal example of the States language");
        assertThat(machine.stateNames()).containsExactly("Hello World");
    }

    @Test
    void stateNamesAreTopLevelInDefinitionOrder() {
        StateMachine machine = machine("{'StartAt':'C','States':{'C':{'Type':'Pass','Next':'A'},"
                + "'A':{'Type':'Parallel','Branches':[{'StartAt':'Inner','States':{'Inner':{'Type':'Succeed'}}}],'Next':'B'},"
                + "'B':{'Type':'Succeed'}}}");

        assertThat(machine.stateNames()).containsExactly("C", "A", "B");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Assign on a Pass|{'Type':'Pass','Assign':{'x':1},'End':true}|Assign",
        "Arguments|{'Type':'Task','Resource':'r','Arguments':{},'End':true}|Arguments",
        "Output|{'Type':'Pass','Output':{},'End':true}|Output",
        "Credentials|{'Type':'Task','Resource':'r','Credentials':{'RoleArn':'x'},'End':true}|Credentials",
        "HeartbeatSeconds|{'Type':'Task','Resource':'r','TimeoutSeconds':30,'HeartbeatSeconds':10,'End':true}|HeartbeatSeconds",
        "callback pattern|{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','End':true}|waitForTaskToken",
        "JSONata state|{'Type':'Pass','QueryLanguage':'JSONata','End':true}|JSONata",
        "ItemReader|{'Type':'Map','ItemReader':{'Resource':'arn:aws:states:::s3:getObject'},'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|ItemReader",
        "ResultWriter|{'Type':'Map','ResultWriter':{'Resource':'arn:aws:states:::s3:putObject'},'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|ResultWriter",
        "ItemBatcher|{'Type':'Map','ItemBatcher':{'MaxItemsPerBatch':2},'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|ItemBatcher",
        "ToleratedFailureCount|{'Type':'Map','ToleratedFailureCount':1,'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|ToleratedFailureCount",
        "Distributed Map|{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|DISTRIBUTED",
        "Catcher Assign|{'Type':'Task','Resource':'r','Catch':[{'ErrorEquals':['States.ALL'],'Assign':{'x':1},'Next':'S'}],'End':true}|Assign",
        "Choice rule Condition|{'Type':'Choice','Choices':[{'Condition':true,'Next':'S'}]}|Condition",
    })
    void unsupportedFeaturesAreRefusedWithTheStateAndTheFeature(String title, String state, String feature) {
        assertThatThrownBy(() -> single(state))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("'S'")
                .hasMessageContaining(feature);
    }

    @Test
    void jsonataStateMachinesAreRefused() {
        assertThatThrownBy(() -> machine("{'QueryLanguage':'JSONata','StartAt':'S','States':{'S':{'Type':'Succeed'}}}"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("JSONata");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "States.ALL not alone|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['States.ALL','X']}],'End':true}|alone",
        "States.ALL not in the last Retrier|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['States.ALL']},{'ErrorEquals':['X']}],'End':true}|last Retrier",
        "States.ALL not in the last Catcher|{'Type':'Task','Resource':'r','Catch':[{'ErrorEquals':['States.ALL'],'Next':'S'},{'ErrorEquals':['X'],'Next':'S'}],'End':true}|last Catcher",
        "empty ErrorEquals|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':[]}],'End':true}|ErrorEquals",
        "reserved error name|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['States.Whatever']}],'End':true}|States.Whatever",
        "BackoffRate below 1|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['X'],'BackoffRate':0.5}],'End':true}|BackoffRate",
        "negative MaxAttempts|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['X'],'MaxAttempts':-1}],'End':true}|MaxAttempts",
        "zero IntervalSeconds|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['X'],'IntervalSeconds':0}],'End':true}|IntervalSeconds",
        "unknown JitterStrategy|{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['X'],'JitterStrategy':'SAMPLE'}],'End':true}|JitterStrategy",
        "no Next nor End|{'Type':'Pass'}|Next",
        "both Next and End|{'Type':'Pass','Next':'S','End':true}|Next",
        "transition to nowhere|{'Type':'Pass','Next':'Nowhere'}|Nowhere",
        "Catch to nowhere|{'Type':'Task','Resource':'r','Catch':[{'ErrorEquals':['X'],'Next':'Nowhere'}],'End':true}|Nowhere",
        "Choice cannot End|{'Type':'Choice','Choices':[{'Variable':'$.a','IsPresent':true,'Next':'S'}],'End':true}|End",
        "empty Choices|{'Type':'Choice','Choices':[]}|Choices",
        "nested rule with Next|{'Type':'Choice','Choices':[{'Not':{'Variable':'$.a','IsNull':true,'Next':'S'},'Next':'S'}]}|Next",
        "two comparison operators|{'Type':'Choice','Choices':[{'Variable':'$.a','IsNull':true,'IsString':true,'Next':'S'}]}|exactly one",
        "unknown comparison operator|{'Type':'Choice','Choices':[{'Variable':'$.a','StringContains':'x','Next':'S'}]}|StringContains",
        "wrongly typed operand|{'Type':'Choice','Choices':[{'Variable':'$.a','NumericEquals':'1','Next':'S'}]}|number",
        "invalid timestamp operand|{'Type':'Choice','Choices':[{'Variable':'$.a','TimestampEquals':'2016-03-14 01:59:00','Next':'S'}]}|timestamp",
        "ResultPath not a Reference Path|{'Type':'Pass','ResultPath':'$.a[*]','End':true}|Reference Path",
        "ResultPath into the context object|{'Type':'Pass','ResultPath':'$$.Execution','End':true}|$$",
        "ItemsPath with a filter|{'Type':'Map','ItemsPath':'$.a[?(@.b)]','ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|Reference Path",
        "path not beginning with $|{'Type':'Pass','InputPath':'a.b','End':true}|InputPath",
        "Parameters not an object|{'Type':'Pass','Parameters':[1],'End':true}|Parameters",
        "duplicate field after .$ removal|{'Type':'Pass','Parameters':{'a':1,'a.$':'$.b'},'End':true}|twice",
        ".$ value not a string|{'Type':'Pass','Parameters':{'a.$':1},'End':true}|a.$",
        "unknown intrinsic function|{'Type':'Pass','Parameters':{'a.$':'States.Nope(1)'},'End':true}|States.Nope",
        "wrong intrinsic arity|{'Type':'Pass','Parameters':{'a.$':'States.ArrayLength()'},'End':true}|ArrayLength",
        "Wait with two durations|{'Type':'Wait','Seconds':1,'Timestamp':'2016-03-14T01:59:00Z','End':true}|exactly one",
        "Wait with a lowercase z|{'Type':'Wait','Timestamp':'2016-03-14T01:59:00z','End':true}|Timestamp",
        "Wait with negative Seconds|{'Type':'Wait','Seconds':-1,'End':true}|Seconds",
        "Task without Resource|{'Type':'Task','End':true}|Resource",
        "TimeoutSeconds and TimeoutSecondsPath|{'Type':'Task','Resource':'r','TimeoutSeconds':1,'TimeoutSecondsPath':'$.t','End':true}|TimeoutSecondsPath",
        "zero TimeoutSeconds|{'Type':'Task','Resource':'r','TimeoutSeconds':0,'End':true}|TimeoutSeconds",
        "Fail with Error and ErrorPath|{'Type':'Fail','Error':'E','ErrorPath':'$.e'}|ErrorPath",
        "Fail with a Next|{'Type':'Fail','Next':'S'}|Next",
        "Succeed with ResultPath|{'Type':'Succeed','ResultPath':'$.x'}|ResultPath",
        "Map with ItemSelector and Parameters|{'Type':'Map','ItemSelector':{},'Parameters':{},'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|ItemSelector",
        "Map with a negative MaxConcurrency|{'Type':'Map','MaxConcurrency':-1,'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}|MaxConcurrency",
        "Map without ItemProcessor|{'Type':'Map','End':true}|ItemProcessor",
        "Parallel without Branches|{'Type':'Parallel','Branches':[],'End':true}|Branches",
        "unknown field|{'Type':'Pass','Reslt':1,'End':true}|Reslt",
        "unknown Type|{'Type':'Sleep','End':true}|Sleep",
    })
    void invalidDefinitionsAreRefused(String title, String state, String expected) {
        assertThatThrownBy(() -> single(state))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void stringMatchesWithAnOpenEscapeIsRefused() {
        // JSON "a\\b" is the text a\b: a backslash not before * or \ is an open escape
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt":"S","States":{"S":{"Type":"Choice","Choices":[
                  {"Variable":"$.a","StringMatches":"a\\\\b","Next":"S"}]}}}"""))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("open escape");
    }

    @Test
    void intrinsicFunctionSyntaxErrorsAreRefused() {
        for (String call : new String[] {
            "States.Format('unterminated", "States.Format('a' 'b')", "States.Format('open \\q escape')",
            "States.Array(1,)", "States.Array(1) trailing", "States.Array(bogus)", "Foo.Bar(1)",
        }) {
            String definition = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":"
                    + Asl.JSON.valueToTree(call) + "},\"End\":true}}}";
            assertThatThrownBy(() -> StateMachine.parse(definition)).as(call)
                    .isInstanceOf(DefinitionException.class)
                    .hasMessageContaining("'S'");
        }
    }

    @Test
    void nestingMoreThanTenIntrinsicFunctionsIsRefused() {
        String call = "States.Array(".repeat(11) + ")".repeat(11);
        String definition = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\""
                + call + "\"},\"End\":true}}}";

        assertThatThrownBy(() -> StateMachine.parse(definition)).hasMessageContaining("nested");
        StateMachine.parse(definition.replace(call, "States.Array(".repeat(10) + ")".repeat(10)));
    }

    @Test
    void stateNamesMustBeUniqueAcrossTheWholeMachine() {
        assertThatThrownBy(() -> machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'P','States':{'P':{'Type':'Succeed'}}}],'End':true}}}"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("'P'")
                .hasMessageContaining("unique");
    }

    @Test
    void branchesCannotTransitionOutOfTheirStates() {
        assertThatThrownBy(() -> machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Out'}}}],'Next':'Out'},'Out':{'Type':'Succeed'}}}"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("'A'")
                .hasMessageContaining("Out");
    }

    @Test
    void startAtMustNameAState() {
        assertThatThrownBy(() -> machine("{'StartAt':'Nope','States':{'S':{'Type':'Succeed'}}}"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("Nope");
    }

    @Test
    void invalidJsonAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> StateMachine.parse("{")).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> StateMachine.parse(
                "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"},\"S\":{\"Type\":\"Succeed\"}}}"))
                .isInstanceOf(DefinitionException.class);
    }

    @Test
    void legacyMapSpellingAndJsonPathQueryLanguageAreAccepted() {
        machine("{'QueryLanguage':'JSONPath','Version':'1.0','TimeoutSeconds':60,'StartAt':'M','States':{'M':{'Type':'Map',"
                + "'QueryLanguage':'JSONPath','Parameters':{'v.$':'$$.Map.Item.Value'},'Iterator':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},"
                + "'End':true}}}");
        machine("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},"
                + "'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}}}");
    }
}

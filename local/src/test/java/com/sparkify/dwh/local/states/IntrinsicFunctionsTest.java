package com.sparkify.dwh.local.states;

import static com.sparkify.dwh.local.states.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The intrinsic functions of Appendix B, with the specification's and the AWS guide's examples. */
class IntrinsicFunctionsTest {

    /** Evaluates one intrinsic call in a Pass state's Parameters and returns the value. */
    private static ExecutionResult evaluate(String call, String inputWithApostrophes) {
        ObjectNode parameters = Asl.JSON.createObjectNode().put("value.$", call);
        ObjectNode state = Asl.JSON.createObjectNode().put("Type", "Pass").put("End", true);
        state.set("Parameters", parameters);
        ObjectNode definition = Asl.JSON.createObjectNode().put("StartAt", "S");
        definition.putObject("States").set("S", state);
        return StateMachine.parse(definition.toString()).run("intrinsics", json(inputWithApostrophes), Asl.options(null));
    }

    private static JsonNode value(String call, String input) {
        ExecutionResult result = evaluate(call, input);
        assertThat(result.status()).as(call + " -> " + result.error() + ": " + result.cause()).isEqualTo("SUCCEEDED");
        return result.output().get("value");
    }

    private static JsonNode value(String call) {
        return value(call, "{}");
    }

    private static void assertIntrinsicFailure(String call, String input) {
        ExecutionResult result = evaluate(call, input);
        assertThat(result.error()).as(call).isEqualTo("States.IntrinsicFailure");
        assertThat(result.cause()).as(call).isNotBlank();
    }

    @Test
    void format() {
        assertThat(value("States.Format('Your name is {}, we are in the year {}', $.name, 2020)", "{'name':'Foo','zebra':'stripe'}"))
                .isEqualTo(json("'Your name is Foo, we are in the year 2020'"));
        assertThat(value("States.Format($.template, $.name)", "{'name':'Arnav','template':'Hello, my name is {}.'}"))
                .isEqualTo(json("'Hello, my name is Arnav.'"));
        assertThat(value("States.Format('{} {} {} {}', true, null, 1.5, -3)")).isEqualTo(json("'true null 1.5 -3'"));
        assertThat(value("States.Format('no placeholders')")).isEqualTo(json("'no placeholders'"));
    }

    @Test
    void formatEscapesFromTheSpecification() {
        // JSON "Welcome to {} {}\\'s playlist." is the text Welcome to {} {}\'s playlist.
        assertThat(value("States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)",
                "{'firstName':'John','lastName':'Doe'}")).isEqualTo(Asl.JSON.getNodeFactory().textNode("Welcome to John Doe's playlist."));
        assertThat(value("States.Format('escaped \\{\\} and {} and a \\\\ backslash', $.x)", "{'x':'real'}"))
                .isEqualTo(Asl.JSON.getNodeFactory().textNode("escaped {} and real and a \\ backslash"));
    }

    @Test
    void formatFailures() {
        assertIntrinsicFailure("States.Format('{} and {}', 1)", "{}");
        assertIntrinsicFailure("States.Format('{}', 1, 2)", "{}");
        assertIntrinsicFailure("States.Format('{}', $.obj)", "{'obj':{'a':1}}");
        assertIntrinsicFailure("States.Format($.notAString)", "{'notAString':1}");
    }

    @Test
    void stringToJsonAndJsonToString() {
        assertThat(value("States.StringToJson($.someString)", "{'someString':'{\\'number\\': 20}','zebra':'stripe'}".replace("\\'", "\\\"")))
                .isEqualTo(json("{'number':20}"));
        assertThat(value("States.JsonToString($.someJson)", "{'someJson':{'name':'Foo','year':2020},'zebra':'stripe'}"))
                .isEqualTo(Asl.JSON.getNodeFactory().textNode("{\"name\":\"Foo\",\"year\":2020}"));
        assertIntrinsicFailure("States.StringToJson($.s)", "{'s':'{not json'}");
        assertIntrinsicFailure("States.StringToJson($.s)", "{'s':''}");
        assertIntrinsicFailure("States.StringToJson($.s)", "{'s':3}");
    }

    @Test
    void array() {
        assertThat(value("States.Array('Foo', 2020, $.someJson, null)", "{'someJson':{'random':'abcdefg'},'zebra':'stripe'}"))
                .isEqualTo(json("['Foo',2020,{'random':'abcdefg'},null]"));
        assertThat(value("States.Array($.Id)", "{'Id':123456}")).isEqualTo(json("[123456]"));
        assertThat(value("States.Array()")).isEqualTo(json("[]"));
        assertThat(value("States.Array(true, false, -1.25e2)")).isEqualTo(json("[true,false,-125.0]"));
    }

    @Test
    void arrayPartition() {
        assertThat(value("States.ArrayPartition($.inputArray,4)", "{'inputArray':[1,2,3,4,5,6,7,8,9]}"))
                .isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
        assertThat(value("States.ArrayPartition($.a, 2)", "{'a':[]}")).isEqualTo(json("[]"));
        assertIntrinsicFailure("States.ArrayPartition($.a, 0)", "{'a':[1]}");
        assertIntrinsicFailure("States.ArrayPartition($.a, 2)", "{'a':'not an array'}");
    }

    @Test
    void arrayContains() {
        assertThat(value("States.ArrayContains($.inputArray, $.lookingFor)", "{'inputArray':[1,2,3,4,5,6,7,8,9],'lookingFor':5}"))
                .isEqualTo(json("true"));
        assertThat(value("States.ArrayContains($.a, 5.0)", "{'a':[5]}")).isEqualTo(json("true"));
        assertThat(value("States.ArrayContains($.a, $.o)", "{'a':[{'k':[1]}],'o':{'k':[1]}}")).isEqualTo(json("true"));
        assertThat(value("States.ArrayContains($.a, 'x')", "{'a':[1,2]}")).isEqualTo(json("false"));
    }

    @Test
    void arrayRange() {
        assertThat(value("States.ArrayRange(1, 9, 2)")).isEqualTo(json("[1,3,5,7,9]"));
        assertThat(value("States.ArrayRange(10, 1, -3)")).isEqualTo(json("[10,7,4,1]"));
        assertThat(value("States.ArrayRange(1, 1000, 1)").size()).isEqualTo(1000);
        assertIntrinsicFailure("States.ArrayRange(1, 1001, 1)", "{}");
        assertIntrinsicFailure("States.ArrayRange(1, 9, 0)", "{}");
    }

    @Test
    void arrayGetItemLengthAndUnique() {
        assertThat(value("States.ArrayGetItem($.inputArray, $.index)", "{'inputArray':[1,2,3,4,5,6,7,8,9],'index':5}"))
                .isEqualTo(json("6"));
        assertThat(value("States.ArrayLength($.inputArray)", "{'inputArray':[1,2,3,4,5,6,7,8,9]}")).isEqualTo(json("9"));
        assertThat(value("States.ArrayUnique($.inputArray)", "{'inputArray':[1,2,3,3,3,3,3,3,4]}")).isEqualTo(json("[1,2,3,4]"));
        assertIntrinsicFailure("States.ArrayGetItem($.a, 3)", "{'a':[1,2,3]}");
        assertIntrinsicFailure("States.ArrayLength($.a)", "{'a':{}}");
    }

    @Test
    void base64() {
        assertThat(value("States.Base64Encode($.input)", "{'input':'Data to encode'}")).isEqualTo(json("'RGF0YSB0byBlbmNvZGU='"));
        assertThat(value("States.Base64Decode($.base64)", "{'base64':'RGF0YSB0byBlbmNvZGU='}")).isEqualTo(json("'Data to encode'"));
        assertThat(value("States.Base64Decode('RGVjb2RlZCBkYXRh')")).isEqualTo(json("'Decoded data'"));
        assertIntrinsicFailure("States.Base64Decode('not base64!')", "{}");
        assertIntrinsicFailure("States.Base64Encode($.big)", "{'big':'" + "x".repeat(10_001) + "'}");
    }

    @Test
    void hash() {
        // The guide prints this digest with one hex digit missing; this is the SHA-1 of "input data".
        assertThat(value("States.Hash($.Data, $.Algorithm)", "{'Data':'input data','Algorithm':'SHA-1'}"))
                .isEqualTo(json("'aaff4a450a104cd177d28d18d74485e8cae074b7'"));
        assertThat(value("States.Hash('input data', 'MD5')")).isEqualTo(json("'812f45842bc6d66ee14572ce20db8e86'"));
        assertThat(value("States.Hash('input data', 'SHA-256')"))
                .isEqualTo(json("'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'"));
        assertThat(value("States.Hash($.o, 'SHA-256')", "{'o':{'a':1}}"))
                .isEqualTo(json("'015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'"));
        assertThat(value("States.Hash('x', 'SHA-384')").asText()).hasSize(96);
        assertThat(value("States.Hash('x', 'SHA-512')").asText()).hasSize(128);
        assertIntrinsicFailure("States.Hash('x', 'SHA-3')", "{}");
    }

    @Test
    void jsonMergeShallowAndDeep() {
        String input = "{'json1':{'a':{'a1':1,'a2':2},'b':2},'json2':{'a':{'a3':1,'a4':2},'c':3}}";

        assertThat(value("States.JsonMerge($.json1, $.json2, false)", input))
                .isEqualTo(json("{'a':{'a3':1,'a4':2},'b':2,'c':3}"));
        assertThat(value("States.JsonMerge($.json1, $.json2, true)", input))
                .isEqualTo(json("{'a':{'a1':1,'a2':2,'a3':1,'a4':2},'b':2,'c':3}"));
        assertIntrinsicFailure("States.JsonMerge($.json1, 1, false)", input);
        assertIntrinsicFailure("States.JsonMerge($.json1, $.json2, 'no')", input);
    }

    @Test
    void mathRandomIsWithinStartInclusiveAndEndExclusiveAndRepeatsForASeed() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int n = value("States.MathRandom($.start, $.end)", "{'start':1,'end':4}").asInt();
            assertThat(n).isBetween(1, 3);
            seen.add(n);
        }
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(value("States.MathRandom(1, 999, 42)")).isEqualTo(value("States.MathRandom(1, 999, 42)"));
        assertIntrinsicFailure("States.MathRandom(5, 5)", "{}");
    }

    @Test
    void mathAdd() {
        assertThat(value("States.MathAdd($.value1, $.step)", "{'value1':111,'step':-1}")).isEqualTo(json("110"));
        assertThat(value("States.MathAdd(1.4, 1.6)")).isEqualTo(json("3"));
        assertThat(value("States.MathAdd(2147483647, 1)").asLong()).isEqualTo(2147483648L);
        assertIntrinsicFailure("States.MathAdd(2147483648, 1)", "{}");
        assertIntrinsicFailure("States.MathAdd('1', 1)", "{}");
    }

    @Test
    void stringSplit() {
        assertThat(value("States.StringSplit($.inputString, $.splitter)", "{'inputString':'1,2,3,4,5','splitter':','}"))
                .isEqualTo(json("['1','2','3','4','5']"));
        assertThat(value("States.StringSplit($.inputString, $.splitter)", "{'inputString':'This.is+a,test=string','splitter':'.+,='}"))
                .isEqualTo(json("['This','is','a','test','string']"));
        assertThat(value("States.StringSplit(',,a,,b,', ',')")).isEqualTo(json("['a','b']"));
    }

    @Test
    void uuidIsAVersion4Uuid() {
        String uuid = value("States.UUID()").asText();

        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(value("States.UUID()").asText()).isNotEqualTo(uuid);
    }

    @Test
    void nestedCallsFromTheGuide() {
        String call = "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit("
                + "States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1), "
                + "States.ArrayLength(States.Array(1, 2)))";

        assertThat(value(call, "{'ImageRecipe':{'Arn':'arn:aws:imagebuilder:us-east-1:123:image-recipe/recipe/1.2.3'}}"))
                .isEqualTo(json("'1.2.2'"));
    }

    @Test
    void pathsWithBracketsCommasAndTheContextObjectAsArguments() {
        assertThat(value("States.Array($['a,b'], $.list[1], $$.Execution.Name)", "{'a,b':1,'list':[5,6]}"))
                .isEqualTo(json("[1,6,'intrinsics']"));
        assertThat(value("States.ArrayLength($.list[?(@ > 5)])", "{'list':[5,6,7]}")).isEqualTo(json("2"));
    }

    @Test
    void aPathArgumentThatSelectsNothingIsAParameterPathFailure() {
        assertThat(evaluate("States.MathAdd($.polls.count, 1)", "{}").error()).isEqualTo("States.ParameterPathFailure");
    }

    @Test
    void intrinsicFailuresCanBeCaught() {
        StateMachine machine = Asl.machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'r',"
                + "'Parameters':{'x.$':'States.ArrayGetItem($.a, 9)'},"
                + "'Catch':[{'ErrorEquals':['States.IntrinsicFailure'],'ResultPath':'$.err','Next':'Done'}],'End':true},"
                + "'Done':{'Type':'Succeed'}}}");

        ExecutionResult result = Asl.run(machine, "{'a':[1]}", new Asl.Tasks());

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.output().get("err").get("Error").asText()).isEqualTo("States.IntrinsicFailure");
        assertThat(result.output().get("a")).isEqualTo(json("[1]"));
    }

    @Test
    void theParserReadsEveryKindOfArgument() {
        Intrinsic parsed = Intrinsic.parse("States.Array( 'it\\'s' , -1.5e1, true,false , null, $.a.b[0], States.UUID() )");

        assertThat(parsed.call().name()).isEqualTo("States.Array");
        assertThat(parsed.call().args()).hasSize(7);
        assertThat(((Intrinsic.Literal) parsed.call().args().get(0)).value().asText()).isEqualTo("it's");
        assertThat(((Intrinsic.Literal) parsed.call().args().get(1)).value().asDouble()).isEqualTo(-15.0);
        assertThat(((Intrinsic.PathArg) parsed.call().args().get(5)).path().text()).isEqualTo("$.a.b[0]");
        assertThat(((Intrinsic.Call) parsed.call().args().get(6)).name()).isEqualTo("States.UUID");
    }

    @Test
    void theParserRejectsMalformedCalls() {
        for (String bad : new String[] {"States.Array(", "States.Array('x)", "States.Array(1 2)", "States.Array(01)",
            "States.Array('\\n')", "States.JsonToString('literal')", "States.UUID(1)", "States.Array)"}) {
            assertThatThrownBy(() -> Intrinsic.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package com.sparkify.dwh.local.template;

import static com.sparkify.dwh.local.template.Cfn.alternatives;
import static com.sparkify.dwh.local.template.Cfn.at;
import static com.sparkify.dwh.local.template.Cfn.list;
import static com.sparkify.dwh.local.template.Cfn.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every IAM policy statement a template writes out itself: inline role and managed policies,
 * resource policies (bucket, topic, queue, key) and the inline statements of SAM {@code Policies}.
 * Statements under an {@code Fn::If} count once per branch. SAM policy templates
 * (LambdaInvokePolicy, ...) are not statements; {@link #samPolicyTemplates} lists them.
 */
final class IamStatements {

    /** One statement and where it was found. */
    record Statement(String logicalId, String resourceType, String where, Map<String, Object> body) {

        List<Object> actions() {
            return list(body.get("Action"));
        }

        List<Object> resources() {
            return list(body.get("Resource"));
        }

        boolean isKeyPolicy() {
            return "AWS::KMS::Key".equals(resourceType);
        }

        @Override
        public String toString() {
            return logicalId + " " + where + " " + body;
        }
    }

    private IamStatements() {
    }

    static List<Statement> of(Map<String, Object> template) {
        List<Statement> out = new ArrayList<>();
        Cfn.resources(template).forEach((id, resource) -> {
            String type = (String) map(resource).get("Type");
            Map<String, Object> properties = map(map(resource).get("Properties"));
            switch (type) {
                case "AWS::IAM::Role" -> {
                    addDocument(out, id, type, "AssumeRolePolicyDocument", properties.get("AssumeRolePolicyDocument"));
                    for (Object policy : policyList(properties.get("Policies"))) {
                        addDocument(out, id, type, "Policies/" + map(policy).get("PolicyName"),
                            map(policy).get("PolicyDocument"));
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy",
                     "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy" ->
                    addDocument(out, id, type, "PolicyDocument", properties.get("PolicyDocument"));
                case "AWS::KMS::Key" -> addDocument(out, id, type, "KeyPolicy", properties.get("KeyPolicy"));
                case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> {
                    for (Object policy : policyList(properties.get("Policies"))) {
                        if (policy instanceof Map<?, ?> inline && inline.containsKey("Statement")) {
                            addDocument(out, id, type, "Policies", inline);
                        }
                    }
                }
                default -> {
                    // no policy documents
                }
            }
        });
        return out;
    }

    /** SAM policy templates and managed policy names under the {@code Policies} of a SAM resource. */
    static List<Object> samPolicyTemplates(Map<String, Object> template, String logicalId) {
        List<Object> out = new ArrayList<>();
        for (Object policy : policyList(Cfn.properties(template, logicalId).get("Policies"))) {
            if (!(policy instanceof Map<?, ?> inline && inline.containsKey("Statement"))) {
                out.add(policy);
            }
        }
        return out;
    }

    private static List<Object> policyList(Object policies) {
        List<Object> out = new ArrayList<>();
        for (Object policy : list(policies)) {
            out.addAll(alternatives(policy));
        }
        return out;
    }

    private static void addDocument(List<Statement> out, String id, String type, String where, Object document) {
        for (Object document1 : alternatives(document)) {
            for (Object item : list(at(document1, "Statement"))) {
                for (Object statement : alternatives(item)) {
                    out.add(new Statement(id, type, where, map(statement)));
                }
            }
        }
    }
}

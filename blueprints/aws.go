package blueprints

import "github.com/scaffold-iac/scaffold/generators/graph"

// ARN builds "arn:<partition>:<service>:<region>:<account>:<resource...>"
// from deploy-time values, so no partition, region or account ID is ever
// written into generated code. Global services (IAM) pass regional false
// and get an empty region field.
func ARN(service string, regional bool, resource ...graph.Value) graph.Join {
	parts := graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":" + service + ":")}
	if regional {
		parts = append(parts, graph.PseudoRegion)
	}
	parts = append(parts, graph.String(":"), graph.PseudoAccountID, graph.String(":"))
	return append(parts, resource...)
}

// AccountRoot is the ARN of the deploying account's root principal, which
// in a resource policy means "IAM policies of this account decide".
func AccountRoot() graph.Join { return ARN("iam", false, graph.String("root")) }

// ManagedPolicy is the ARN of an AWS-managed IAM policy in the deployment's
// partition ("service-role/AWSCodeDeployRole").
func ManagedPolicy(name string) graph.Value {
	return graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":iam::aws:policy/" + name)}
}

// PolicyDocument wraps statements in an IAM policy document.
func PolicyDocument(statements ...graph.Object) graph.Document {
	list := make(graph.List, len(statements))
	for i, s := range statements {
		list[i] = s
	}
	return graph.Document{{Key: "Version", Value: graph.String("2012-10-17")}, {Key: "Statement", Value: list}}
}

// AssumeRolePolicy is the trust policy that lets one AWS service assume a
// role.
func AssumeRolePolicy(service string) graph.Document {
	return PolicyDocument(graph.Object{
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String(service)}}},
		{Key: "Action", Value: graph.String("sts:AssumeRole")},
	})
}

// StandardTags are the tags every blueprint puts on every resource, merged
// with the user's --tag values (which win on the same key).
func StandardTags(blueprint, name string, extra []graph.Tag) []graph.Tag {
	return MergeTags([]graph.Tag{
		{Key: "Blueprint", Value: blueprint},
		{Key: "ManagedBy", Value: "scaffold"},
		{Key: "Project", Value: name},
	}, extra)
}

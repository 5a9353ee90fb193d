package pilotlight

import (
	"fmt"
	"strconv"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Names the runbook's commands rely on. The builders give the resources
// these names (from the name parameter), and the commands rebuild them
// from $NAME, so a deployment under another name only changes NAME.
const (
	primaryDBSuffix = "-db"
	replicaDBSuffix = "-db-replica"
	webSuffix       = "-web"
	albSuffix       = "-alb"
)

// FailoverScript is the file that runs the runbook's scripted steps.
const FailoverScript = "failover.sh"

// runbook is the failover procedure for the generated names and regions:
// declare, promote, scale, verify, move DNS, fail back. Each command acts
// on the recovery region or on Route 53 only, so it works while the
// primary region's APIs are down, and uses the data-plane or single-
// resource calls that recovery needs rather than redeploying stacks.
func runbook(p Params) *graph.Runbook {
	r := &graph.Runbook{
		Title: fmt.Sprintf("Failover runbook: %s → %s", p.PrimaryRegion, p.DRRegion),
		Intro: fmt.Sprintf("How to move %s from %s to %s when the primary region is lost, and how to come back. "+
			"A pilot light recovers in about 15 to 30 minutes and loses the writes the replica had not received, usually seconds of them; "+
			"the table below shows where that time goes. Rehearse the whole procedure before you need it.", p.Name, p.PrimaryRegion, p.DRRegion),
		ScriptName: FailoverScript,
		Variables: []graph.RunbookVariable{
			{Name: "PRIMARY_REGION", Env: "PRIMARY_REGION", Value: p.PrimaryRegion, Description: "region being failed away from"},
			{Name: "DR_REGION", Env: "DR_REGION", Value: p.DRRegion, Description: "recovery region"},
			{Name: "NAME", Env: "DR_NAME", Value: p.Name, Description: "the stacks' name parameter"},
			{Name: "MIN", Env: "FAILOVER_MIN", Value: strconv.Itoa(p.Min), Description: "recovery web instances, at least"},
			{Name: "MAX", Env: "FAILOVER_MAX", Value: strconv.Itoa(p.Max), Description: "recovery web instances, at most"},
			{Name: "DESIRED", Env: "FAILOVER_DESIRED", Value: strconv.Itoa(p.Desired), Description: "recovery web instances to start"},
		},
		Objectives: graph.Table{
			Title:   "Recovery objectives",
			Columns: []string{"Phase", "Takes", "RTO so far", "RPO"},
			Rows: [][]string{
				{"1. Declare the disaster", "5–10 min", "5–10 min", "replica lag at the moment of failure"},
				{"2. Promote the replica", "5–15 min", "10–25 min", "fixed: writes after the last replicated one are lost"},
				{"3. Scale the recovery web tier (alongside 2)", "5–10 min", "10–25 min", "unchanged"},
				{"4. Verify health", "2–5 min", "15–30 min", "unchanged"},
				{"5. Move DNS", dnsTime(p), dnsRTO(p), "unchanged"},
			},
		},
	}
	r.Steps = append(r.Steps, graph.RunbookStep{
		Title: "Declare the disaster",
		Body: "Decide that the primary region will not come back soon enough: the load balancer or the database has been unreachable for several minutes and the AWS Health Dashboard confirms a regional event. " +
			"Failing over is cheap to start and expensive to undo (the replica cannot rejoin the old primary), so one person decides. " +
			"First check that the replica is healthy and still a replica; its lag at this moment is the data you will lose.",
		Commands: `aws rds describe-db-instances --region "$DR_REGION" --db-instance-identifier "$NAME` + replicaDBSuffix + `" \
  --query 'DBInstances[0].[DBInstanceStatus,ReadReplicaSourceDBInstanceIdentifier]' --output text`,
		Expected:  "5–10 minutes of observation and decision",
		Objective: "The RTO clock has been running since the failure; the RPO is the replica's lag (the ReplicaLag metric), usually seconds.",
		Script:    true,
	}, graph.RunbookStep{
		Title: "Promote the read replica",
		Body: "Turn the replica into a standalone database that accepts writes. Replication from the primary stops for good. " +
			"Promotion keeps the replica's KMS key, subnet group and security group, and the master user name and password it copied from the primary; it reboots the instance once. Once it is available, deletion protection goes on, as it is now the only copy of the data. " +
			"The credentials are in this region already: Secrets Manager keeps a replica of the primary's secret here under the same name, which the application reads in this region; the last command shows its ARN. " +
			"A replica secret can be read but not changed, so before you change the password, or if the primary region is gone for good, promote it to a standalone secret with " +
			"`aws secretsmanager stop-replication-to-replica --region \"$DR_REGION\" --secret-id \"$NAME-" + secretSuffix + "\"`. " +
			"Start step 3 while this runs.",
		Commands: fmt.Sprintf(`aws rds promote-read-replica --region "$DR_REGION" --db-instance-identifier "$NAME%[1]s" \
  --backup-retention-period %[2]d --query 'DBInstance.DBInstanceStatus' --output text
aws rds wait db-instance-available --region "$DR_REGION" --db-instance-identifier "$NAME%[1]s"
aws rds modify-db-instance --region "$DR_REGION" --db-instance-identifier "$NAME%[1]s" \
  --deletion-protection --apply-immediately --query 'DBInstance.DBInstanceStatus' --output text
aws secretsmanager describe-secret --region "$DR_REGION" --secret-id "$NAME-%[3]s" \
  --query '[ARN,PrimaryRegion]' --output text`, replicaDBSuffix, p.BackupRetentionDays, secretSuffix),
		Expected:  "5–15 minutes, most of it the wait",
		Objective: "The database is writable in the recovery region; the RPO is now fixed.",
		Script:    true,
	}, graph.RunbookStep{
		Title: "Scale the recovery web tier",
		Body: "Give the standing Auto Scaling group a size. Its launch template, subnets and target group are already there, so instances start, install the application and register with the load balancer on their own. " +
			"Point the application at the promoted database's endpoint (`aws rds describe-db-instances ... --query 'DBInstances[0].Endpoint.Address'`) through whatever configuration it reads.",
		Commands: fmt.Sprintf(`aws autoscaling update-auto-scaling-group --region "$DR_REGION" --auto-scaling-group-name "$NAME%[1]s" \
  --min-size "$MIN" --max-size "$MAX" --desired-capacity "$DESIRED"
aws autoscaling describe-auto-scaling-groups --region "$DR_REGION" --auto-scaling-group-names "$NAME%[1]s" \
  --query 'AutoScalingGroups[0].[MinSize,DesiredCapacity,MaxSize]' --output text`, webSuffix),
		Expected:  "under a minute to ask, 5–10 minutes until instances pass their health checks",
		Objective: "Capacity is on its way; this overlaps with the promotion.",
		Script:    true,
	}, graph.RunbookStep{
		Title: "Verify health",
		Body:  "Wait until the recovery target group reports healthy targets (run the second command until it prints `healthy` for each), then open the recovery load balancer's address and exercise a write.",
		Commands: fmt.Sprintf(`TARGET_GROUP_ARN=$(aws elbv2 describe-target-groups --region "$DR_REGION" --names "$NAME%s" \
  --query 'TargetGroups[0].TargetGroupArn' --output text)
aws elbv2 describe-target-health --region "$DR_REGION" --target-group-arn "$TARGET_GROUP_ARN" \
  --query 'TargetHealthDescriptions[].TargetHealth.State' --output text`, webSuffix),
		Expected:  "2–5 minutes after the instances boot",
		Objective: "The recovery region serves requests; only DNS still points away from it.",
		Script:    true,
	})
	r.Steps = append(r.Steps, dnsStep(p), failBackStep(p))
	return r
}

// dnsTime is how long step 5 takes: Route 53 acts on its own after three
// failed checks 30 seconds apart plus the record's TTL; by hand it is an
// API call plus the old record's TTL.
func dnsTime(p Params) string {
	if p.HostedZoneID != "" {
		return "2–3 min, automatic"
	}
	return "5 min by hand + your record's TTL"
}

// dnsRTO is the recovery time once DNS has moved.
func dnsRTO(p Params) string {
	if p.HostedZoneID != "" {
		return "15–30 min"
	}
	return "20–35 min + TTL"
}

func dnsStep(p Params) graph.RunbookStep {
	if p.HostedZoneID != "" {
		return graph.RunbookStep{
			Title: "DNS fails over",
			Body: fmt.Sprintf("Nothing to do if the primary is really down: the health check on the primary load balancer fails after three checks 30 seconds apart, and Route 53 answers %s with the recovery load balancer (the SECONDARY record). "+
				"Check that the health check reports the failure and that the name resolves to the recovery load balancer. "+
				"If the primary load balancer still answers while the rest of the region is broken, take it out of DNS by failing its health check: scale the primary group to 0 when its API allows, or invert the health check (`aws route53 update-health-check --health-check-id \"$HEALTH_CHECK_ID\" --inverted`).", p.Domain),
			Commands: `HEALTH_CHECK_ID=$(aws route53 list-health-checks \
  --query "HealthChecks[?starts_with(HealthCheckConfig.FullyQualifiedDomainName, '$NAME` + albSuffix + `-') && contains(HealthCheckConfig.FullyQualifiedDomainName, '$PRIMARY_REGION')].Id | [0]" --output text)
aws route53 get-health-check-status --health-check-id "$HEALTH_CHECK_ID" \
  --query 'HealthCheckObservations[].StatusReport.Status' --output text
dig +short ` + p.Domain,
			Expected:  "2–3 minutes after the primary fails, plus the 60-second TTL of the alias answers",
			Objective: "Users reach the recovery region: recovery complete, typically 15–30 minutes after the failure.",
		}
	}
	return graph.RunbookStep{
		Title: "Point DNS at the recovery region (manual)",
		Body: "This deployment has no Route 53 failover (it was generated without --hosted-zone-id and --domain), so move your name yourself. " +
			"For a name in Route 53, upsert an alias to the recovery load balancer as below, with your zone and name in place of the placeholders; elsewhere, change the CNAME at your DNS provider to the DNS name the first command prints.",
		Commands: `aws elbv2 describe-load-balancers --region "$DR_REGION" --names "$NAME` + albSuffix + `" \
  --query 'LoadBalancers[0].[DNSName,CanonicalHostedZoneId]' --output text
aws route53 change-resource-record-sets --hosted-zone-id YOUR_ZONE_ID --change-batch '{"Changes": [{"Action": "UPSERT",
  "ResourceRecordSet": {"Name": "app.example.com", "Type": "A", "AliasTarget": {"HostedZoneId": "ALB_ZONE_ID_FROM_ABOVE",
  "DNSName": "ALB_DNS_NAME_FROM_ABOVE", "EvaluateTargetHealth": false}}}]}'`,
		Expected:  "about 5 minutes, then the old record's TTL before every resolver follows",
		Objective: "Users reach the recovery region: recovery complete, typically 20–35 minutes after the failure with a short TTL.",
	}
}

func failBackStep(p Params) graph.RunbookStep {
	return graph.RunbookStep{
		Title: "Fail back when the primary region returns",
		Body: "Plan this for a quiet hour; it is a second, planned failover. The old primary database is stale and can no longer follow the promoted one, so build a new replica of the promoted database in the primary region, let it catch up, then move back. " +
			"First stop the primary region from taking traffic too early: scale its web tier to 0 (with DNS failover, Route 53 would otherwise send users back to the stale database as soon as the old load balancer passes its health check). " +
			"Do not apply the original Terraform or CloudFormation until fail-back is done: they still describe the recovery database as a replica. " +
			"Once the new replica has caught up (ReplicaLag at 0), stop writes, promote it, point the application at it, scale the primary tier up and the recovery tier back to 0, and then re-create the cross-region replica by deploying the stacks again.",
		Commands: fmt.Sprintf(`aws autoscaling update-auto-scaling-group --region "$PRIMARY_REGION" --auto-scaling-group-name "$NAME%[1]s" \
  --min-size 0 --max-size 0 --desired-capacity 0
ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
PRIMARY_DB_KEY=$(aws rds describe-db-instances --region "$PRIMARY_REGION" --db-instance-identifier "$NAME%[2]s" \
  --query 'DBInstances[0].KmsKeyId' --output text)
PRIMARY_DB_SG=$(aws rds describe-db-instances --region "$PRIMARY_REGION" --db-instance-identifier "$NAME%[2]s" \
  --query 'DBInstances[0].VpcSecurityGroups[0].VpcSecurityGroupId' --output text)
aws rds create-db-instance-read-replica --region "$PRIMARY_REGION" --db-instance-identifier "$NAME-db-failback" \
  --source-db-instance-identifier "arn:aws:rds:$DR_REGION:$ACCOUNT_ID:db:$NAME%[3]s" --source-region "$DR_REGION" \
  --db-instance-class %[4]s --db-subnet-group-name "$NAME%[2]s" --vpc-security-group-ids "$PRIMARY_DB_SG" \
  --kms-key-id "$PRIMARY_DB_KEY" --multi-az
aws rds wait db-instance-available --region "$PRIMARY_REGION" --db-instance-identifier "$NAME-db-failback"
# after ReplicaLag reaches 0 and writes are stopped:
aws rds promote-read-replica --region "$PRIMARY_REGION" --db-instance-identifier "$NAME-db-failback"
aws autoscaling update-auto-scaling-group --region "$PRIMARY_REGION" --auto-scaling-group-name "$NAME%[1]s" \
  --min-size %[5]d --max-size %[6]d --desired-capacity %[7]d
aws autoscaling update-auto-scaling-group --region "$DR_REGION" --auto-scaling-group-name "$NAME%[1]s" \
  --min-size 0 --max-size 0 --desired-capacity 0`, webSuffix, primaryDBSuffix, replicaDBSuffix, p.InstanceClass, p.Min, p.Max, p.Desired),
		Expected:  "1–3 hours, most of it the new replica's initial copy; the switch itself is a few minutes of stopped writes",
		Objective: "Back in the primary region with no data lost, since writes stop before the switch; redeploy the stacks to restore the pilot light.",
	}
}

package pilotlight

import (
	"fmt"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// explain gives every component of g that the composed blueprints and the
// builders above left unexplained its Why. Each builder writes its own
// sentences next to the component; this only catches what falls through,
// and a test fails when any component is still silent.
func explain(g *graph.Graph, p Params) {
	for i := range g.Components {
		c := &g.Components[i]
		if c.Why == "" {
			c.Why = why(c, p)
		}
	}
}

func why(c *graph.Component, p Params) string {
	switch c.ID {
	case "cpu_target_tracking":
		return "Adds instances when average CPU rises above 60% and removes them when it falls; after a failover it grows the recovery tier with the load it inherits."
	}
	return ""
}

// About is what `scaffold describe` would say about the deployment, from
// the notes' account of pilot light.
func About(p Params) graph.About {
	a := graph.About{
		Purpose: "Pilot-light disaster recovery: the smallest copy of an application that can become the whole of it. " +
			"The primary region runs the web tier and the database; the recovery region keeps only the part that " +
			"takes time to rebuild, the data, continuously up to date (a cross-region read replica and replicated " +
			"assets), while its servers are defined but switched off. In a disaster the replica is promoted, the " +
			"servers are started from the launch template that is already there, and traffic moves over. Choose it " +
			"when a region outage must cost minutes, not the hours of restoring from backups, but running a second " +
			"copy of the servers all the time (warm standby) costs more than it is worth.",
		Survives: []string{
			"the loss of an instance or an Availability Zone in the primary region: the web tier spans the zones and the database fails over to its Multi-AZ standby in one to two minutes",
			fmt.Sprintf("the loss of the whole primary region (%s): promote the replica in %s, start the recovery web tier and move traffic, in roughly 15 to 30 minutes", p.PrimaryRegion, p.DRRegion),
		},
		Exposed: []string{
			"the writes of the last seconds to minutes before the failure: the replica copies asynchronously, so whatever it had not received yet is lost (the RPO is the replica lag)",
			"corruption or a bad deletion in the primary database: the replica copies it within seconds; recover from the primary's automated backups (point in time) instead",
			"a failover that nobody has rehearsed: the runbook's commands work only if they have been tried, so practise them",
		},
		Target: "Pilot light in the notes' terms: RTO of minutes (15–30 for a promote, scale-out and DNS move) and RPO of seconds to minutes (the replica's lag), at the cost of a replica, an idle load balancer and a NAT gateway in the recovery region.",
		Equivalents: []graph.Equivalent{
			{AWS: "RDS cross-region read replica (promoted at failover)", GCP: "Cloud SQL cross-region read replica", Azure: "Azure Database for PostgreSQL/MySQL cross-region read replica"},
			{AWS: "Route 53 health check + failover records", GCP: "Cloud DNS failover routing policy", Azure: "Traffic Manager (priority routing)"},
			{AWS: "Auto Scaling group at zero + launch template", GCP: "Managed instance group + instance template", Azure: "Virtual Machine Scale Set",
				Note: "Azure Site Recovery replicates whole VMs and runs the failover plan for you; AWS has no single service for that, so the runbook scripts it."},
			{AWS: "S3 cross-region replication", GCP: "Dual- or multi-region Cloud Storage buckets", Azure: "Geo-redundant storage (GRS)"},
		},
	}
	if p.HostedZoneID == "" {
		a.Exposed = append(a.Exposed, "users keep resolving the primary load balancer until someone points the name at the recovery one: without --hosted-zone-id and --domain, DNS failover is a manual step of the runbook")
	}
	return a
}

// docs are the bundle's README notes.
func docs(p Params) graph.Docs {
	d := graph.Docs{Notes: []graph.Note{{
		Title: "Failing over",
		Body: "RUNBOOK.md is the failover procedure for these names and regions: declare, promote the replica, scale the recovery web tier, verify, move DNS, and fail back, each with its commands and expected time. " +
			"`failover.sh` runs its scripted steps with the same commands (it honours `AWS_ENDPOINT_URL` like deploy.sh), so the procedure can be rehearsed against an emulator or a test account.",
	}, {
		Title: "Recovery objectives",
		Body: fmt.Sprintf("RPO: the read replica in %s lags the primary database by seconds, more under heavy writes; that lag is what a regional disaster loses. "+
			"RTO: about 15 to 30 minutes, mostly the replica's promotion (5–15 min) and new instances booting and passing health checks (5–10 min); RUNBOOK.md lists each step with its expected time. "+
			"Objects written to the asset bucket usually reach %s within minutes; S3 does not bound that time unless Replication Time Control is bought.",
			p.DRRegion, p.DRRegion),
	}, {
		Title: "Why the primary asset bucket has a stack of its own",
		Body: "Two values cross between the regions in opposite directions. The read replica in the recovery region needs the primary database's ARN, so the primary stack comes first. " +
			"Replication on the primary asset bucket needs the recovery bucket to exist already, because S3 rejects a replication rule whose destination it cannot find. " +
			"The primary region's asset bucket is therefore a stack of its own, `assets`, deployed after `dr` in the primary region, with the recovery bucket's ARN and key passed in as parameters.",
	}, {
		Title: "Database credentials",
		Body: fmt.Sprintf("No password is written anywhere: the primary stack creates a Secrets Manager secret, encrypted with the database key, and AWS generates the master password into it at deploy time "+
			"(CloudFormation's GenerateSecretString; in Terraform the aws_secretsmanager_random_password data source, passed only to the write-only secret_string_wo and password_wo, so the state never holds it, which needs Terraform 1.11 or later). "+
			"The database reads its user name and password from the secret (CloudFormation dynamic references). "+
			"RDS could manage the password itself (manage_master_user_password), but the RDS User Guide lists creating a read replica of such a database among what the Secrets Manager integration does not support, and the replica in %[1]s is the pilot light. "+
			"The secret is replicated to %[1]s, where it has the same name, so the credentials stay readable when %[2]s is lost; "+
			"read them with `aws secretsmanager get-secret-value --secret-id <name>-%[3]s` in either region. "+
			"Neither format attaches the secret to the database: CloudFormation's AWS::SecretsManager::SecretTargetAttachment has no Terraform counterpart, so the secret holds the user name and password but not the host, which the stacks' outputs give.",
			p.DRRegion, p.PrimaryRegion, secretSuffix),
	}}}
	d.Notes = append(d.Notes, graph.Note{
		Title: "Tearing it down",
		Body: fmt.Sprintf("The primary database has deletion protection, so `terraform destroy` and `cloudformation/destroy.sh` stop at it on purpose. "+
			"To really delete it (a final snapshot is kept), first run `aws rds modify-db-instance --region %s --db-instance-identifier %s-db --no-deletion-protection --apply-immediately`. "+
			"Neither tool deletes an asset bucket that still holds objects (force_destroy is false); empty it first, every object version included. "+
			"The credentials secret and its replica are only scheduled for deletion (7 days in Terraform, Secrets Manager's default 30 in CloudFormation), and a new deployment cannot reuse the name `%[2]s-%[3]s` until then; "+
			"to redeploy sooner, delete it for good with `aws secretsmanager delete-secret --region %[1]s --secret-id %[2]s-%[3]s --force-delete-without-recovery`.",
			p.PrimaryRegion, p.Name, secretSuffix),
	})
	if p.HostedZoneID == "" {
		d.Notes = append(d.Notes, graph.Note{
			Title: "DNS failover is manual",
			Body:  "No --hosted-zone-id and --domain were given, so nothing moves your users to the recovery region: after a failover, point your name at the recovery load balancer yourself (RUNBOOK.md has the command). Generate again with both flags to get a Route 53 health check and failover records.",
		})
	} else {
		d.Notes = append(d.Notes, graph.Note{
			Title: "DNS failover",
			Body: fmt.Sprintf("A Route 53 health check probes the primary load balancer's health page every 30 seconds. While it passes, %s resolves to the primary load balancer (the PRIMARY failover record); when it fails three times in a row, Route 53 answers with the recovery load balancer (SECONDARY) instead. "+
				"The secondary record does not evaluate its target's health: the recovery tier has no instances until the runbook starts them, and Route 53 should send traffic there the moment they are up. "+
				"Route 53 is global, but a CloudFormation stack has a region: the dns stack is deployed in the recovery region (%s), so it can still be changed while the primary region's APIs are down.", p.Domain, p.DRRegion),
		})
	}
	return d
}

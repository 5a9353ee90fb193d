package asgspot

import (
	"fmt"
	"strconv"

	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// CapacityTable shows the On-Demand/Spot split at min, desired and max.
func CapacityTable(p Params) graph.Table {
	table := graph.Table{Title: "On-Demand and Spot capacity", Columns: []string{"Point", "Instances", "On-Demand", "Spot"}}
	for _, row := range []struct {
		name     string
		capacity int
	}{{"min", p.Min}, {"desired", p.Desired}, {"max", p.Max}} {
		s := SplitAt(row.capacity, p.OnDemandBase, p.OnDemandPercent)
		table.Rows = append(table.Rows, []string{row.name, strconv.Itoa(s.Capacity), strconv.Itoa(s.OnDemand), strconv.Itoa(s.Spot)})
	}
	return table
}

func docs(p Params, network vpc.Network) graph.Docs {
	d := graph.Docs{Tables: []graph.Table{CapacityTable(p), vpc.PlanTable(p.Network, network)}}
	d.Notes = append(d.Notes, graph.Note{
		Title: "On-Demand and Spot",
		Body: fmt.Sprintf("The first %d instances are On-Demand; of every instance above that, %d%% are On-Demand and the rest Spot. A fractional On-Demand count is rounded up, in favour of On-Demand, as AWS documents. "+
			"Spot instances come from %d instance types with the %s strategy, so an interruption or shortage in one pool is absorbed by the others, and capacity rebalancing replaces a Spot instance as soon as AWS flags it as at risk.",
			p.OnDemandBase, p.OnDemandPercent, len(p.InstanceTypes), p.SpotStrategy),
	}, graph.Note{
		Title: "Instances",
		Body: fmt.Sprintf("Amazon Linux 2023 (%s), resolved from its public SSM parameter at every launch, so instances always start from the latest patched AMI and no AMI ID is written into the code. "+
			"IMDSv2 is required with a hop limit of 1, the %d GiB gp3 root volume is encrypted, and access is through Session Manager (`aws ssm start-session --target <instance-id>`): no key pair, no port 22. "+
			"User data installs nginx with %s and the CodeDeploy agent.", p.architecture(), p.RootVolumeGiB, healthPath),
	})
	if p.CertificateARN == "" {
		d.Notes = append(d.Notes, graph.Note{Title: "HTTP only", Body: "Without --certificate-arn the load balancer listens on HTTP only. Pass an ACM certificate ARN from the same region to get an HTTPS listener (TLS 1.2+) and an HTTP→HTTPS redirect."})
	} else {
		d.Notes = append(d.Notes, graph.Note{Title: "HTTPS", Body: "The load balancer serves HTTPS with the given certificate (policy " + tlsPolicy + ", TLS 1.3 and 1.2) and redirects HTTP to HTTPS."})
	}
	d.Notes = append(d.Notes, graph.Note{
		Title: "Deploy the application with CodeDeploy",
		Body: "`app/` holds a revision: `appspec.yml`, the hook scripts it names and a `buildspec.yml` for CodeBuild. Bundle and deploy it (values from `terraform output`, or the stack outputs):\n\n```sh\n" +
			"APP=$(terraform -chdir=terraform output -raw codedeploy_app_name)\n" +
			"GROUP=$(terraform -chdir=terraform output -raw codedeploy_deployment_group_name)\n" +
			"aws deploy push --application-name \"$APP\" --source app --s3-location s3://YOUR-ARTIFACT-BUCKET/web.zip\n" +
			"aws deploy create-deployment --application-name \"$APP\" --deployment-group-name \"$GROUP\" \\\n  --s3-location bucket=YOUR-ARTIFACT-BUCKET,key=web.zip,bundleType=zip\n```\n\n" +
			"The instances can read revisions only from the bucket given with --artifact-bucket (generate again with it, or grant `s3:GetObject` on your bucket to the instance role). A failed deployment rolls back automatically.",
	})
	return d
}

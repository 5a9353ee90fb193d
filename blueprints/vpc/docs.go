package vpc

import (
	"fmt"
	"strconv"

	"github.com/scaffold-iac/scaffold/blueprints/cidr"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// PlanTable returns the CIDR plan as a table: what --dry-run prints and the
// README shows.
func PlanTable(p Params, network Network) graph.Table {
	table := graph.Table{
		Title:   "CIDR plan",
		Columns: []string{"Tier", "AZ", "CIDR", "Usable IPs", "Default route"},
		Rows:    [][]string{{"vpc", "all", network.Plan.VPC.String(), "-", "-"}},
	}
	for _, s := range network.Subnets {
		table.Rows = append(table.Rows, []string{s.Tier.String(), s.Letter, s.CIDR.String(), strconv.Itoa(network.Plan.Usable()), defaultRouteOf(p, s)})
	}
	return table
}

func defaultRouteOf(p Params, s Subnet) string {
	switch s.Tier {
	case TierPublic:
		return "internet gateway"
	case TierPrivate:
		switch p.NAT {
		case NATPerAZ:
			return "NAT gateway " + s.Letter
		case NATSingle:
			return "NAT gateway a"
		}
	}
	return "none (VPC and gateway endpoints only)"
}

func docs(p Params, network Network) graph.Docs {
	d := graph.Docs{Tables: []graph.Table{PlanTable(p, network)}}
	zones, _ := regions.AZCount(p.Region)
	d.Notes = append(d.Notes, graph.Note{
		Title: "How the CIDR plan is laid out",
		Body: fmt.Sprintf("The VPC block is split into %d equal tier blocks (public, private, isolated, and one kept spare), and each tier block into %d zone slots (8 for a /23 or larger VPC, 4 for a /24), whatever the region; %s has %d zones. "+
			"Every subnet is /%d. A subnet's block depends only on its tier, its zone and the VPC's prefix length, so adding a zone or the isolated tier later never renumbers a deployed subnet. "+
			"Zone letters are positions in the region's zone list, resolved at deploy time, not zone names.",
			cidr.TierSlots, network.Plan.AZSlots, p.Region, zones, network.Plan.SubnetBits),
	})
	switch p.NAT {
	case NATPerAZ:
		d.Notes = append(d.Notes, graph.Note{Title: "NAT gateways", Body: fmt.Sprintf("One NAT gateway per zone (%d in all): losing a zone never cuts another zone's private subnets off the internet. Each NAT gateway bills per hour and per GB processed; --nat single is the cheaper lab option.", p.AZs)})
	case NATSingle:
		d.Notes = append(d.Notes, graph.Note{Title: "NAT gateways", Body: "One NAT gateway, in zone a, serves every private subnet. It costs a fraction of per-AZ NAT, but if zone a fails the private subnets of every zone lose outbound internet access. Use --nat per-az for production."})
	case NATNone:
		d.Notes = append(d.Notes, graph.Note{Title: "NAT gateways", Body: "No NAT gateway: private subnets reach only the VPC and the gateway endpoints. Instances there need VPC interface endpoints (for example for Systems Manager) to be managed."})
	}
	d.Notes = append(d.Notes, graph.Note{
		Title: "Default security group",
		Body: "Terraform takes over the VPC's default security group and removes all of its rules, so nothing can use it by accident. CloudFormation cannot manage the default group: after deploying the stack, remove its rules with " +
			"`aws ec2 revoke-security-group-ingress` and `aws ec2 revoke-security-group-egress` (see Deploy below).",
	})
	if p.FlowLogs {
		body := "All traffic of the VPC is logged to a CloudWatch Logs group with one-minute aggregation and the retention given by the flow log retention parameter. The delivery role can write only to that group, and only the flow log service of this account can assume it."
		if p.FlowLogKMSKeyARN == "" {
			body += " The group is encrypted with CloudWatch Logs' service-managed key; pass --flow-log-kms-key to use your own KMS key."
		} else {
			body += " The group is encrypted with the KMS key given by --flow-log-kms-key; its key policy must allow the logs service of this region to use it."
		}
		d.Notes = append(d.Notes, graph.Note{Title: "Flow logs", Body: body})
	} else {
		d.Notes = append(d.Notes, graph.Note{Title: "Flow logs", Body: "Flow logs are off (--flow-logs off). Without them there is no record of the traffic in this VPC; turn them on for anything beyond a throwaway lab."})
	}
	return d
}

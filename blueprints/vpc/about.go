package vpc

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Explain fills in why each VPC component exists, for the components of g
// that do not say yet; blueprints that compose the VPC call it too, through
// AddTo.
func explain(g *graph.Graph, p Params) {
	for i := range g.Components {
		c := &g.Components[i]
		if c.Why == "" {
			c.Why = why(c, p)
		}
	}
}

// why is one sentence per role a VPC component plays. Roles are recognised
// by kind and ID, which the builder above chooses.
func why(c *graph.Component, p Params) string {
	switch c.Kind {
	case graph.KindVPC:
		return "An isolated private network in one region; every other network resource lives inside it."
	case graph.KindDefaultSecurityGroup:
		return "Every VPC comes with a default security group; emptying it means nothing can silently use its permissive rules."
	case graph.KindInternetGateway:
		return "The VPC's single, managed, highly available door to the internet; public subnets route through it."
	case graph.KindSubnet:
		switch {
		case strings.HasPrefix(c.ID, "public_"):
			return "Public subnets host what the internet must reach (load balancers, NAT gateways), one per zone."
		case strings.HasPrefix(c.ID, "private_"):
			return "Private subnets host the workloads: reachable only from inside the VPC, one per zone so losing a zone leaves the others."
		default:
			return "Isolated subnets have no route out of the VPC at all, for databases and other data that must never touch the internet."
		}
	case graph.KindElasticIP:
		return "A NAT gateway needs a fixed public address to translate private addresses to."
	case graph.KindNATGateway:
		if p.NAT == NATSingle {
			return "Lets private subnets start outbound connections (updates, AWS APIs) without being reachable from outside; one gateway shared by every zone is the cheap choice."
		}
		return "Lets private subnets start outbound connections (updates, AWS APIs) without being reachable from outside; one per zone so a zone failure cuts no one else off."
	case graph.KindRouteTable:
		switch {
		case strings.HasPrefix(c.ID, "public_"):
			return "Decides where public subnets send traffic: the VPC locally, the internet gateway for everything else."
		case strings.HasPrefix(c.ID, "private_"):
			return "One table per zone for private subnets, so changing the NAT mode only changes routes, never which table a subnet uses."
		default:
			return "The isolated tier's table holds only the local route (and gateway endpoints): no way out."
		}
	case graph.KindRoute:
		if c.Property("gateway_id") != nil {
			return "Sends internet-bound traffic from public subnets to the internet gateway."
		}
		return "Sends internet-bound traffic from a private subnet to a NAT gateway."
	case graph.KindRouteTableAssociation:
		return "Binds a subnet to its route table; a subnet without one silently uses the VPC's main table."
	case graph.KindVPCGatewayEndpoint:
		return "Free gateway endpoints keep S3 and DynamoDB traffic on AWS's network and off the NAT gateways, which charge per GB."
	case graph.KindLogGroup:
		return "Stores the flow log records for the chosen retention, so they can be searched after an incident."
	case graph.KindIAMRole:
		return "The identity the flow log service assumes to write into the log group."
	case graph.KindIAMRolePolicy:
		return "Allows that role to write to this one log group and nothing else (least privilege)."
	case graph.KindFlowLog:
		return "Records metadata of every accepted and rejected connection in the VPC: the first thing to read when traffic is blocked or suspicious."
	}
	return ""
}

// about is what describe says about the VPC.
func about(p Params) graph.About {
	a := graph.About{
		Purpose: "The network every other AWS architecture starts from: a private address space spread over " +
			"several Availability Zones, with public subnets for what the internet must reach, private subnets " +
			"for workloads that only reach out, and optionally isolated subnets for data. Choose it whenever " +
			"you need servers, containers or databases of your own in AWS.",
		Equivalents: equivalents(),
	}
	switch {
	case p.AZs >= 2 && p.NAT == NATPerAZ:
		a.Survives = []string{"the loss of one Availability Zone: the other zones keep their subnets, NAT gateway and routes"}
		a.Target = "A multi-AZ network like this one is the base of a 99.9%–99.99% design (about 8.8 hours to 53 minutes of downtime a year), provided the workloads on it are spread over the zones too."
	case p.AZs >= 2 && p.NAT == NATSingle:
		a.Survives = []string{"the loss of a zone other than the first: subnets in the other zones keep working"}
		a.Exposed = append(a.Exposed, "the loss of the first zone cuts outbound internet access for every private subnet (the single NAT gateway lives there); use --nat per-az to remove that")
		a.Target = "Multi-AZ subnets with one NAT gateway: fine for labs and development; outbound access has a single-zone dependency."
	case p.AZs >= 2:
		a.Survives = []string{"the loss of one Availability Zone: the other zones keep their subnets"}
		a.Target = "Multi-AZ subnets without NAT: private subnets reach only the VPC and the gateway endpoints."
	default:
		a.Exposed = append(a.Exposed, "the loss of its only Availability Zone takes the whole network down; use --azs 2 or more for anything that must stay up")
		a.Target = "Single zone: around the 99% of a single-server setup at best; good for a sandbox, not for production."
	}
	a.Exposed = append(a.Exposed, fmt.Sprintf("the loss of the whole region (%s): a VPC is regional; surviving that takes a second region, as in pilot-light disaster recovery", p.Region))
	return a
}

// equivalents are the VPC's building blocks in GCP and Azure.
func equivalents() []graph.Equivalent {
	return []graph.Equivalent{
		{AWS: "VPC", GCP: "VPC network", Azure: "Virtual Network (VNet)",
			Note: "A GCP VPC is global with regional subnets; AWS VPCs and Azure VNets are regional."},
		{AWS: "Subnet (one per Availability Zone)", GCP: "Subnet (regional, spans the region's zones)", Azure: "Subnet (regional)"},
		{AWS: "Security group", GCP: "VPC firewall rules", Azure: "Network security group (NSG)",
			Note: "Azure NSGs attach to subnets or network interfaces; GCP firewall rules belong to the network."},
		{AWS: "NAT gateway", GCP: "Cloud NAT", Azure: "NAT Gateway"},
		{AWS: "VPC flow logs", GCP: "VPC Flow Logs", Azure: "Virtual network flow logs (Network Watcher)"},
	}
}

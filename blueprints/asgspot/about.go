package asgspot

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// why says why a web-tier component exists; the VPC's own components
// were explained by the vpc blueprint.
func why(id string, p WebTierParams) string {
	if strings.HasPrefix(id, "schedule_") {
		return "Changes the desired capacity at a known time (office hours, batch windows) before the CPU metric would notice."
	}
	switch id {
	case "alb_security_group":
		return "The load balancer's firewall: the only part of the tier that accepts traffic from the internet."
	case "instance_security_group":
		return "The instances' firewall: nothing reaches them except the load balancer."
	case "alb_http_ingress":
		if p.CertificateARN != "" {
			return "Accepts plain HTTP from anywhere only to redirect it to HTTPS."
		}
		return "Accepts HTTP from anywhere: the public entry point (add --certificate-arn for HTTPS)."
	case "alb_https_ingress":
		return "Accepts HTTPS from anywhere: the public entry point."
	case "alb_to_instances_egress":
		return "The load balancer may talk to the instances on the application port and nowhere else."
	case "instance_http_ingress":
		return "Instances accept the application port from the load balancer's security group only, never from an address range."
	case "instance_https_egress":
		return "Instances may call out over HTTPS only (AWS APIs, package repositories, the CodeDeploy service), through the NAT gateways."
	case "instance_role":
		return "The identity of the instances: AWS credentials come from here, rotated automatically, never stored on disk."
	case "instance_ssm_policy":
		return "Session Manager access instead of SSH: no key pairs, no port 22, every session logged."
	case "instance_profile":
		return "The container that hands the role to EC2 instances at launch."
	case "instance_artifact_policy":
		return fmt.Sprintf("Lets the CodeDeploy agent on the instances read revisions from %s and nothing else.", p.ArtifactBucket)
	case "load_balancer":
		return "Spreads requests over healthy instances in every zone and is the one stable address users reach; instances come and go behind it."
	case "target_group":
		return "The set of instances the load balancer forwards to; its health check takes a failing instance out of rotation."
	case "http_listener":
		if p.CertificateARN != "" {
			return "Redirects HTTP to HTTPS, so no request is served unencrypted."
		}
		return "Forwards HTTP requests to the target group."
	case "https_listener":
		return "Terminates TLS (1.2 or newer) with the ACM certificate and forwards to the target group."
	case "launch_template":
		return "The recipe for every instance: AMI from the SSM public parameter, IMDSv2 only, encrypted root volume, role, user data."
	case "autoscaling_group":
		if p.Desired == 0 && p.Min == 0 {
			return "Stands ready with no instances: its launch template, subnets and target group are in place, so raising its capacity is all a failover has to do."
		}
		if p.SpotStrategy == "" {
			return "Keeps the desired number of On-Demand instances running across the private subnets, replacing unhealthy ones."
		}
		return "Keeps the desired number of instances running across the private subnets, replacing unhealthy or interrupted ones, with an On-Demand base and cheaper Spot capacity above it."
	case "cpu_target_tracking":
		return fmt.Sprintf("Adds instances when average CPU rises above %d%% and removes them when it falls, within min and max.", p.TargetCPU)
	case "codedeploy_role":
		return "The identity CodeDeploy assumes to find instances and manage the load balancer during deployments."
	case "codedeploy_managed_policy":
		return "AWS's managed policy with what CodeDeploy needs for EC2 and Auto Scaling deployments."
	case "codedeploy_launch_template_policy":
		return "CodeDeploy may launch instances from this launch template only (it passes the instance role to do so)."
	case "codedeploy_app":
		return "Names the application that revisions are deployed to."
	case "codedeploy_group":
		return "Deploys each revision to the group's instances in batches behind the load balancer, and rolls back when a deployment fails."
	}
	return ""
}

// about is what describe says about the web tier.
func about(p Params) graph.About {
	split := SplitAt(p.Desired, p.OnDemandBase, p.OnDemandPercent)
	a := graph.About{
		Purpose: "A horizontally scaled web tier: an Application Load Balancer in front of an Auto Scaling group " +
			"that mixes a guaranteed On-Demand base with Spot capacity at a steep discount, scales on CPU, and " +
			"receives application releases through CodeDeploy. Choose it for stateless web or API servers that " +
			"can lose an instance at two minutes' notice.",
		Survives: []string{
			"the loss of an instance: the load balancer stops sending it traffic and the group replaces it",
			"Spot interruptions: capacity rebalancing starts a replacement when AWS warns, and several instance types give Spot more pools to draw from",
		},
		Equivalents: []graph.Equivalent{
			{AWS: "Auto Scaling group + launch template", GCP: "Managed instance group + instance template", Azure: "Virtual Machine Scale Set"},
			{AWS: "Spot Instances", GCP: "Spot VMs (formerly preemptible)", Azure: "Spot Virtual Machines"},
			{AWS: "Application Load Balancer", GCP: "Cloud Load Balancing (HTTP(S))", Azure: "Application Gateway"},
			{AWS: "CodeDeploy", GCP: "Cloud Deploy (GKE and Cloud Run targets)", Azure: "Azure Pipelines deployments",
				Note: "Neither has a direct equivalent of in-place deployments to a VM group; teams script them or move to containers."},
			{AWS: "Systems Manager Session Manager", GCP: "IAP TCP forwarding for SSH", Azure: "Azure Bastion"},
		},
	}
	if p.Network.AZs >= 2 {
		a.Survives = append(a.Survives, "the loss of an Availability Zone: instances and load balancer nodes run in every zone, and the group rebalances into the remaining ones")
	}
	if p.Network.NAT == vpc.NATSingle {
		a.Exposed = append(a.Exposed, "the loss of the first zone stops outbound HTTPS from the instances (one shared NAT gateway) until it returns; serving traffic continues")
	}
	a.Exposed = append(a.Exposed,
		fmt.Sprintf("the loss of the region (%s): everything lives there; pilot-light disaster recovery adds a second region", p.Network.Region),
		fmt.Sprintf("a Spot shortage across every listed type: the group keeps its %d On-Demand instances at the desired capacity and waits for Spot", split.OnDemand))
	a.Target = "Multi-AZ, self-healing and load balanced: the shape of a 99.9%–99.99% web tier, provided state lives outside the instances."
	return a
}

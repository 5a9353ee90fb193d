package asgspot

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// The web tier's fixed choices.
const (
	appPort    = 80
	healthPath = "/health"
	contentDir = "/usr/share/nginx/html"
	// tlsPolicy is the ALB policy that offers TLS 1.3 and 1.2 only.
	tlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
)

// ssmAMIParameter is the public SSM parameter that always names the latest
// Amazon Linux 2023 AMI for an architecture; the launch template resolves it
// at launch, so no AMI ID is ever written into the code.
func ssmAMIParameter(arch Architecture) string {
	return "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-" + string(arch)
}

// Build validates p and returns the web tier, its VPC included.
func Build(p Params) (*graph.Graph, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	n := p.Network
	g := &graph.Graph{
		Name:        n.Name,
		Blueprint:   "asg-spot",
		Description: describe(p),
		Region:      n.Region,
		Parameters:  []graph.Parameter{blueprints.NameParameter(n.Name)},
		Tags:        blueprints.StandardTags("asg-spot", n.Name, n.Tags),
		App:         &graph.App{Name: "web", Port: appPort, HealthPath: healthPath, ContentDir: contentDir},
	}
	network, err := vpc.AddTo(g, n)
	if err != nil {
		return nil, err
	}
	if _, err := AddWebTier(g, network, p.webTier(*g.App)); err != nil {
		return nil, err
	}
	vpc.AddOutputs(g, n, network)
	addOutputs(g)
	g.Docs = docs(p, network)
	g.About = about(p)
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("asg-spot blueprint built an inconsistent graph: %w", err)
	}
	return g, nil
}

func renderUserData(app *graph.App) (string, error) {
	tmpl, err := template.New("userdata.sh.tmpl").Option("missingkey=error").ParseFS(templates.FS, "userdata.sh.tmpl")
	if err != nil {
		return "", fmt.Errorf("loading user data template: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, app); err != nil {
		return "", fmt.Errorf("rendering user data: %w", err)
	}
	return buf.String(), nil
}

func rule(id string, kind graph.Kind, label, group string, props []graph.Property, waivers ...graph.Waiver) graph.Component {
	return graph.Component{ID: id, Kind: kind, Label: label, Group: group, Properties: props, Waivers: waivers}
}

func ingress(sg string, port int, source graph.Property, description string) []graph.Property {
	return []graph.Property{
		{Name: "security_group_id", Value: graph.RefID(sg)},
		{Name: "ip_protocol", Value: graph.String("tcp")},
		{Name: "from_port", Value: graph.Int(port)},
		{Name: "to_port", Value: graph.Int(port)},
		source,
		{Name: "description", Value: graph.String(description)},
	}
}

func addSecurityGroups(g *graph.Graph, p WebTierParams, network vpc.Network) {
	group := "security groups"
	sg := func(id, suffix, description string) graph.Component {
		return graph.Component{
			ID: id, Kind: graph.KindSecurityGroup, Group: group, Label: description,
			Name: blueprints.Named(suffix),
			Properties: []graph.Property{
				{Name: "name", Value: blueprints.Named(suffix)},
				{Name: "description", Value: graph.String(description)},
				{Name: "vpc_id", Value: graph.RefID(network.VPCID)},
			},
		}
	}
	anywhere := graph.Property{Name: "cidr_ipv4", Value: graph.String("0.0.0.0/0")}
	public := graph.Waiver{Rule: graph.RulePublicIngress, Reason: "the load balancer is the public entry point; it accepts web traffic from anywhere and nothing else."}
	g.Add(sg("alb_security_group", "alb", "Load balancer: HTTP/HTTPS from the internet"),
		sg("instance_security_group", "instances", "Web instances: HTTP from the load balancer only"))
	g.Add(rule("alb_http_ingress", graph.KindSecurityGroupIngress, "ALB: HTTP from anywhere", group,
		ingress("alb_security_group", 80, anywhere, "HTTP from the internet"), public))
	if p.CertificateARN != "" {
		g.Add(rule("alb_https_ingress", graph.KindSecurityGroupIngress, "ALB: HTTPS from anywhere", group,
			ingress("alb_security_group", 443, anywhere, "HTTPS from the internet"), public))
	}
	fromALB := graph.Property{Name: "referenced_security_group_id", Value: graph.RefID("alb_security_group")}
	toInstances := graph.Property{Name: "referenced_security_group_id", Value: graph.RefID("instance_security_group")}
	g.Add(rule("alb_to_instances_egress", graph.KindSecurityGroupEgress, "ALB: HTTP to the instances only", group,
		ingress("alb_security_group", appPort, toInstances, "HTTP to the web instances")),
		rule("instance_http_ingress", graph.KindSecurityGroupIngress, "instances: HTTP from the ALB only", group,
			ingress("instance_security_group", appPort, fromALB, "HTTP from the load balancer")),
		rule("instance_https_egress", graph.KindSecurityGroupEgress, "instances: HTTPS out (AWS APIs, packages)", group,
			ingress("instance_security_group", 443, anywhere, "HTTPS to AWS APIs and package repositories"),
			graph.Waiver{Rule: graph.RulePublicEgress, Reason: "instances call AWS APIs (Systems Manager, CodeDeploy, S3) and package repositories over HTTPS through the NAT gateways; no other egress is open."}))
}

func addInstanceRole(g *graph.Graph, p WebTierParams) {
	group := "instance identity"
	if p.ArtifactBucket != "" {
		defer g.Add(graph.Component{
			ID: "instance_artifact_policy", Kind: graph.KindIAMRolePolicy, Group: group,
			Label: "inline policy: read CodeDeploy revisions from " + p.ArtifactBucket,
			Properties: []graph.Property{
				{Name: "name", Value: graph.String("read-revisions")},
				{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}},
				{Name: "policy", Value: blueprints.PolicyDocument(graph.Object{
					{Key: "Sid", Value: graph.String("ReadRevisions")},
					{Key: "Effect", Value: graph.String("Allow")},
					{Key: "Action", Value: graph.Strings("s3:GetObject", "s3:GetObjectVersion")},
					{Key: "Resource", Value: graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":s3:::" + p.ArtifactBucket + "/*")}},
				})},
			},
		})
	}
	g.Add(graph.Component{
		ID: "instance_role", Kind: graph.KindIAMRole, Group: group, Label: "IAM role of the web instances",
		Name: blueprints.Named("instance"),
		Properties: []graph.Property{
			{Name: "description", Value: graph.String("Web instances: Session Manager access and the CodeDeploy agent, no SSH keys.")},
			{Name: "assume_role_policy", Value: blueprints.AssumeRolePolicy("ec2.amazonaws.com")},
		},
	}, graph.Component{
		ID: "instance_ssm_policy", Kind: graph.KindIAMRolePolicyAttachment, Group: group,
		Label: "AmazonSSMManagedInstanceCore: Session Manager instead of SSH",
		Properties: []graph.Property{
			{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}},
			{Name: "policy_arn", Value: blueprints.ManagedPolicy("AmazonSSMManagedInstanceCore")},
		},
	}, graph.Component{
		ID: "instance_profile", Kind: graph.KindIAMInstanceProfile, Group: group, Label: "instance profile carrying the role",
		Properties: []graph.Property{{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}}},
	})
}

func addLoadBalancer(g *graph.Graph, p WebTierParams, network vpc.Network) {
	group := "load balancer"
	var public graph.List
	for _, id := range network.SubnetIDs(vpc.TierPublic) {
		public = append(public, graph.RefID(id))
	}
	g.Add(graph.Component{
		ID: "load_balancer", Kind: graph.KindLoadBalancer, Group: group, Label: "Application Load Balancer in the public subnets",
		Name: blueprints.Named("alb"),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("alb")},
			{Name: "internal", Value: graph.Bool(false)},
			{Name: "load_balancer_type", Value: graph.String("application")},
			{Name: "security_groups", Value: graph.List{graph.RefID("alb_security_group")}},
			{Name: "subnets", Value: public},
			{Name: "drop_invalid_header_fields", Value: graph.Bool(true)},
		},
		Waivers: []graph.Waiver{{Rule: graph.RulePublicLoadBalancer, Reason: "this load balancer serves the public web tier; the instances behind it stay in private subnets."}},
	}, graph.Component{
		ID: "target_group", Kind: graph.KindLBTargetGroup, Group: group, Label: "target group: instances, health check on " + healthPath,
		Name: blueprints.Named("web"),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("web")},
			{Name: "port", Value: graph.Int(appPort)},
			{Name: "protocol", Value: graph.String("HTTP")},
			{Name: "vpc_id", Value: graph.RefID(network.VPCID)},
			{Name: "target_type", Value: graph.String("instance")},
			// Thirty seconds lets in-flight requests finish during a
			// deployment without slowing it down as the 300 s default does.
			{Name: "deregistration_delay", Value: graph.Int(30)},
			{Name: "health_check", Value: graph.Struct{
				{Key: "enabled", Value: graph.Bool(true)},
				{Key: "path", Value: graph.String(healthPath)},
				{Key: "matcher", Value: graph.String("200")},
				{Key: "interval", Value: graph.Int(15)},
				{Key: "timeout", Value: graph.Int(5)},
				{Key: "healthy_threshold", Value: graph.Int(2)},
				{Key: "unhealthy_threshold", Value: graph.Int(3)},
			}},
		},
	})
	forward := graph.List{graph.Struct{
		{Key: "type", Value: graph.String("forward")},
		{Key: "target_group_arn", Value: graph.RefARN("target_group")},
	}}
	if p.CertificateARN == "" {
		g.Add(graph.Component{
			ID: "http_listener", Kind: graph.KindLBListener, Group: group, Label: "HTTP listener forwarding to the instances",
			Properties: []graph.Property{
				{Name: "load_balancer_arn", Value: graph.RefARN("load_balancer")},
				{Name: "port", Value: graph.Int(80)},
				{Name: "protocol", Value: graph.String("HTTP")},
				{Name: "default_action", Value: forward},
			},
			Waivers: []graph.Waiver{{Rule: graph.RulePlainHTTP, Reason: "no --certificate-arn was given, so there is no certificate to serve HTTPS with; pass one to get HTTPS with an HTTP redirect."}},
		})
		return
	}
	g.Add(graph.Component{
		ID: "http_listener", Kind: graph.KindLBListener, Group: group, Label: "HTTP listener redirecting to HTTPS",
		Properties: []graph.Property{
			{Name: "load_balancer_arn", Value: graph.RefARN("load_balancer")},
			{Name: "port", Value: graph.Int(80)},
			{Name: "protocol", Value: graph.String("HTTP")},
			{Name: "default_action", Value: graph.List{graph.Struct{
				{Key: "type", Value: graph.String("redirect")},
				{Key: "redirect", Value: graph.Struct{
					{Key: "port", Value: graph.String("443")},
					{Key: "protocol", Value: graph.String("HTTPS")},
					{Key: "status_code", Value: graph.String("HTTP_301")},
				}},
			}}},
		},
	}, graph.Component{
		ID: "https_listener", Kind: graph.KindLBListener, Group: group, Label: "HTTPS listener (TLS 1.2+) forwarding to the instances",
		Properties: []graph.Property{
			{Name: "load_balancer_arn", Value: graph.RefARN("load_balancer")},
			{Name: "port", Value: graph.Int(443)},
			{Name: "protocol", Value: graph.String("HTTPS")},
			{Name: "ssl_policy", Value: graph.String(tlsPolicy)},
			{Name: "certificate_arn", Value: graph.String(p.CertificateARN)},
			{Name: "default_action", Value: forward},
		},
	})
}

func addAutoScaling(g *graph.Graph, p WebTierParams, network vpc.Network, userData string) {
	group := "auto scaling"
	// Instances and volumes the group launches get no provider or stack
	// tags, so the launch template carries them all.
	instanceTags := graph.Object{{Key: "Name", Value: blueprints.Named("web")}}
	for _, tag := range g.Tags {
		instanceTags = append(instanceTags, graph.Field{Key: tag.Key, Value: graph.String(tag.Value)})
	}
	g.Add(graph.Component{
		ID: "launch_template", Kind: graph.KindLaunchTemplate, Group: group, Label: "launch template: AL2023 from SSM, IMDSv2, encrypted gp3",
		Name: blueprints.Named("web"),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("web")},
			{Name: "description", Value: graph.String("Web tier instances, launched by the Auto Scaling group.")},
			{Name: "image_id", Value: graph.String(ssmAMIParameter(architectureOf(p.InstanceTypes)))},
			{Name: "user_data", Value: graph.Base64{Value: graph.String(userData)}},
			{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID("instance_security_group")}},
			{Name: "update_default_version", Value: graph.Bool(true)},
			// IMDSv2 only, one hop: a process in a container on the host
			// cannot reach the instance's credentials.
			{Name: "metadata_options", Value: graph.Struct{
				{Key: "http_endpoint", Value: graph.String("enabled")},
				{Key: "http_tokens", Value: graph.String("required")},
				{Key: "http_put_response_hop_limit", Value: graph.Int(1)},
			}},
			{Name: "block_device_mappings", Value: graph.List{graph.Struct{
				{Key: "device_name", Value: graph.String("/dev/xvda")},
				{Key: "ebs", Value: graph.Struct{
					{Key: "volume_size", Value: graph.Int(p.RootVolumeGiB)},
					{Key: "volume_type", Value: graph.String("gp3")},
					{Key: "encrypted", Value: graph.Bool(true)},
					{Key: "delete_on_termination", Value: graph.Bool(true)},
				}},
			}}},
			{Name: "iam_instance_profile", Value: graph.Struct{{Key: "arn", Value: graph.RefARN("instance_profile")}}},
			{Name: "monitoring", Value: graph.Struct{{Key: "enabled", Value: graph.Bool(true)}}},
			{Name: "tag_specifications", Value: graph.List{
				graph.Struct{{Key: "resource_type", Value: graph.String("instance")}, {Key: "tags", Value: instanceTags}},
				graph.Struct{{Key: "resource_type", Value: graph.String("volume")}, {Key: "tags", Value: instanceTags}},
			}},
		},
	})
	var private graph.List
	for _, id := range network.SubnetIDs(vpc.TierPrivate) {
		private = append(private, graph.RefID(id))
	}
	var overrides graph.List
	for _, t := range p.InstanceTypes {
		overrides = append(overrides, graph.Struct{{Key: "instance_type", Value: graph.String(t)}})
	}
	// Instances install packages at first boot, so the group waits for the
	// private subnets' routes to the NAT gateways.
	var routes []string
	for _, c := range g.Components {
		if c.Kind == graph.KindRoute && strings.HasPrefix(c.ID, "private_default_route_") {
			routes = append(routes, c.ID)
		}
	}
	props := []graph.Property{
		{Name: "name", Value: blueprints.Named("web")},
		{Name: "min_size", Value: graph.Int(p.Min)},
		{Name: "max_size", Value: graph.Int(p.Max)},
		{Name: "desired_capacity", Value: graph.Int(p.Desired)},
		{Name: "vpc_zone_identifier", Value: private},
		{Name: "target_group_arns", Value: graph.List{graph.RefARN("target_group")}},
		{Name: "health_check_type", Value: graph.String("ELB")},
		{Name: "health_check_grace_period", Value: graph.Int(p.HealthCheckGrace)},
	}
	props = append(props, capacityRebalance(p)...)
	props = append(props, graph.Property{Name: "mixed_instances_policy", Value: graph.Struct{
		{Key: "launch_template", Value: graph.Struct{
			{Key: "launch_template_specification", Value: graph.Struct{
				{Key: "launch_template_id", Value: graph.RefID("launch_template")},
				{Key: "version", Value: graph.Ref{Component: "launch_template", Attr: graph.AttrLatestVersion}},
			}},
			{Key: "override", Value: overrides},
		}},
		{Key: "instances_distribution", Value: instancesDistribution(p)},
	}})
	g.Add(graph.Component{
		ID: "autoscaling_group", Kind: graph.KindAutoScalingGroup, Group: group, DependsOn: routes,
		Label: capacityLabel(p), Properties: props,
	}, graph.Component{
		ID: "cpu_target_tracking", Kind: graph.KindAutoScalingPolicy, Group: group,
		Label: fmt.Sprintf("target tracking: keep average CPU at %d%%", p.TargetCPU),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("cpu-target")},
			{Name: "autoscaling_group_name", Value: graph.Ref{Component: "autoscaling_group", Attr: graph.AttrName}},
			{Name: "policy_type", Value: graph.String("TargetTrackingScaling")},
			{Name: "target_tracking_configuration", Value: graph.Struct{
				{Key: "predefined_metric_specification", Value: graph.Struct{{Key: "predefined_metric_type", Value: graph.String("ASGAverageCPUUtilization")}}},
				{Key: "target_value", Value: graph.Int(p.TargetCPU)},
			}},
		},
	})
	for _, text := range p.Schedules {
		s, _ := ParseSchedule(text)
		g.Add(graph.Component{
			ID: "schedule_" + strings.ReplaceAll(s.Name, "-", "_"), Kind: graph.KindAutoScalingSchedule, Group: group,
			Label: fmt.Sprintf("scheduled action %s: desired %d at %q UTC", s.Name, s.Desired, s.Recurrence),
			Properties: []graph.Property{
				{Name: "scheduled_action_name", Value: blueprints.Named(s.Name)},
				{Name: "autoscaling_group_name", Value: graph.Ref{Component: "autoscaling_group", Attr: graph.AttrName}},
				{Name: "recurrence", Value: graph.String(s.Recurrence)},
				{Name: "time_zone", Value: graph.String("Etc/UTC")},
				{Name: "desired_capacity", Value: graph.Int(s.Desired)},
			},
		})
	}
}

func addCodeDeploy(g *graph.Graph, p WebTierParams) {
	group := "deployment"
	g.Add(graph.Component{
		ID: "codedeploy_role", Kind: graph.KindIAMRole, Group: group, Label: "CodeDeploy service role",
		Name: blueprints.Named("codedeploy"),
		Properties: []graph.Property{
			{Name: "description", Value: graph.String("Lets CodeDeploy deploy to the Auto Scaling group and its load balancer.")},
			{Name: "assume_role_policy", Value: blueprints.AssumeRolePolicy("codedeploy.amazonaws.com")},
		},
	}, graph.Component{
		ID: "codedeploy_managed_policy", Kind: graph.KindIAMRolePolicyAttachment, Group: group, Label: "AWSCodeDeployRole",
		Properties: []graph.Property{
			{Name: "role", Value: graph.Ref{Component: "codedeploy_role", Attr: graph.AttrName}},
			{Name: "policy_arn", Value: blueprints.ManagedPolicy("service-role/AWSCodeDeployRole")},
		},
	}, graph.Component{
		// Groups that launch from a launch template need these on top of
		// the managed policy; PassRole is limited to the instance role.
		ID: "codedeploy_launch_template_policy", Kind: graph.KindIAMRolePolicy, Group: group,
		Label: "inline policy: launch instances from the launch template",
		Properties: []graph.Property{
			{Name: "name", Value: graph.String("launch-template-instances")},
			{Name: "role", Value: graph.Ref{Component: "codedeploy_role", Attr: graph.AttrName}},
			{Name: "policy", Value: graph.Document{
				{Key: "Version", Value: graph.String("2012-10-17")},
				{Key: "Statement", Value: graph.List{graph.Object{
					{Key: "Sid", Value: graph.String("LaunchFromTemplate")},
					{Key: "Effect", Value: graph.String("Allow")},
					{Key: "Action", Value: graph.Strings("ec2:RunInstances", "ec2:CreateTags")},
					// Only the resource types a launch from the template touches.
					{Key: "Resource", Value: graph.List{
						blueprints.ARN("ec2", true, graph.String("instance/*")),
						blueprints.ARN("ec2", true, graph.String("volume/*")),
						blueprints.ARN("ec2", true, graph.String("network-interface/*")),
						blueprints.ARN("ec2", true, graph.String("subnet/*")),
						blueprints.ARN("ec2", true, graph.String("security-group/*")),
						blueprints.ARN("ec2", true, graph.String("launch-template/*")),
						graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":ec2:"), graph.PseudoRegion, graph.String("::image/*")},
					}},
				}, graph.Object{
					{Key: "Sid", Value: graph.String("PassInstanceRole")},
					{Key: "Effect", Value: graph.String("Allow")},
					{Key: "Action", Value: graph.String("iam:PassRole")},
					{Key: "Resource", Value: graph.RefARN("instance_role")},
				}}},
			}},
		},
	}, graph.Component{
		ID: "codedeploy_app", Kind: graph.KindCodeDeployApp, Group: group, Label: "CodeDeploy application",
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("web")},
			{Name: "compute_platform", Value: graph.String("Server")},
		},
	}, graph.Component{
		ID: "codedeploy_group", Kind: graph.KindCodeDeployDeploymentGroup, Group: group,
		Label: "deployment group: " + p.DeploymentConfig + ", behind the load balancer, rolls back on failure",
		Properties: []graph.Property{
			{Name: "app_name", Value: graph.Ref{Component: "codedeploy_app", Attr: graph.AttrName}},
			{Name: "deployment_group_name", Value: blueprints.Named("web")},
			{Name: "service_role_arn", Value: graph.RefARN("codedeploy_role")},
			{Name: "deployment_config_name", Value: graph.String("CodeDeployDefault." + p.DeploymentConfig)},
			{Name: "autoscaling_groups", Value: graph.List{graph.Ref{Component: "autoscaling_group", Attr: graph.AttrName}}},
			{Name: "auto_rollback_configuration", Value: graph.Struct{
				{Key: "enabled", Value: graph.Bool(true)},
				{Key: "events", Value: graph.Strings("DEPLOYMENT_FAILURE")},
			}},
			{Name: "deployment_style", Value: graph.Struct{
				{Key: "deployment_option", Value: graph.String("WITH_TRAFFIC_CONTROL")},
				{Key: "deployment_type", Value: graph.String("IN_PLACE")},
			}},
			{Name: "load_balancer_info", Value: graph.Struct{
				{Key: "target_group_info", Value: graph.List{graph.Struct{{Key: "name", Value: graph.Ref{Component: "target_group", Attr: graph.AttrName}}}}},
			}},
		},
		DependsOn: []string{"codedeploy_managed_policy", "codedeploy_launch_template_policy"},
	})
}

func addOutputs(g *graph.Graph) {
	g.Outputs = append(g.Outputs,
		graph.Output{Name: "alb_dns_name", Description: "DNS name of the load balancer: open http://<this>/ in a browser.", Value: graph.Ref{Component: "load_balancer", Attr: graph.AttrDNSName}},
		graph.Output{Name: "asg_name", Description: "Name of the Auto Scaling group.", Value: graph.Ref{Component: "autoscaling_group", Attr: graph.AttrName}},
		graph.Output{Name: "target_group_arn", Description: "ARN of the target group the instances register in.", Value: graph.RefARN("target_group")},
		graph.Output{Name: "codedeploy_app_name", Description: "CodeDeploy application to deploy revisions to.", Value: graph.Ref{Component: "codedeploy_app", Attr: graph.AttrName}},
		graph.Output{Name: "codedeploy_deployment_group_name", Description: "CodeDeploy deployment group of the Auto Scaling group.", Value: graph.Ref{Component: "codedeploy_group", Attr: graph.AttrName}},
	)
}

func describe(p Params) string {
	return fmt.Sprintf("Web tier of %d–%d instances (%s) in private subnets behind an Application Load Balancer: On-Demand base %d plus %d%% On-Demand above it, the rest Spot (%s), CPU target tracking at %d%%, deployed with CodeDeploy (generated by scaffold).",
		p.Min, p.Max, strings.Join(p.InstanceTypes, ", "), p.OnDemandBase, p.OnDemandPercent, p.SpotStrategy, p.TargetCPU)
}

// capacityRebalance is the group's capacity_rebalance property, for groups
// with Spot: it replaces a Spot instance as soon as AWS signals it is at
// elevated risk, before the two-minute notice. An On-Demand group has
// nothing to rebalance, so it gets none.
func capacityRebalance(p WebTierParams) []graph.Property {
	if p.SpotStrategy == "" {
		return nil
	}
	return []graph.Property{{Name: "capacity_rebalance", Value: graph.Bool(true)}}
}

// instancesDistribution splits capacity between On-Demand and Spot. An
// On-Demand-only group keeps the mixed instances policy (one shape for
// both kinds of group) with 100% On-Demand and no Spot strategy.
func instancesDistribution(p WebTierParams) graph.Struct {
	d := graph.Struct{
		{Key: "on_demand_base_capacity", Value: graph.Int(p.OnDemandBase)},
		{Key: "on_demand_percentage_above_base_capacity", Value: graph.Int(p.OnDemandPercent)},
	}
	if p.SpotStrategy != "" {
		d = append(d, graph.Field{Key: "spot_allocation_strategy", Value: graph.String(p.SpotStrategy)})
	}
	return d
}

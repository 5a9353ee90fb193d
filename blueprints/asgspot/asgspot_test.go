package asgspot

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Params)
		want   string
	}{
		{"min above max", func(p *Params) { p.Min = 8; p.Max = 6; p.Desired = 6 }, `invalid value "8" for --min: is above --max 6`},
		{"desired below min", func(p *Params) { p.Desired = 1 }, `invalid value "1" for --desired: must be between --min 2 and --max 6`},
		{"desired above max", func(p *Params) { p.Desired = 7 }, `invalid value "7" for --desired: must be between --min 2 and --max 6`},
		{"base above max", func(p *Params) { p.OnDemandBase = 7 }, `invalid value "7" for --on-demand-base: must be between 0 and --max 6`},
		{"percent over 100", func(p *Params) { p.OnDemandPercent = 101 }, `invalid value "101" for --on-demand-percent: must be between 0 and 100`},
		{"percent negative", func(p *Params) { p.OnDemandPercent = -1 }, `invalid value "-1" for --on-demand-percent: must be between 0 and 100`},
		{"unknown type", func(p *Params) { p.InstanceTypes = []string{"m5.large", "x9.large"} }, `invalid value "m5.large,x9.large" for --instance-types: "x9.large" is not in the built-in catalog`},
		{"mixed architectures", func(p *Params) { p.InstanceTypes = []string{"m5.large", "m7g.large"} }, `invalid value "m5.large,m7g.large" for --instance-types: m5.large is x86_64 but m7g.large is arm64; one launch template has one AMI, so use one architecture`},
		{"bad schedule", func(p *Params) { p.Schedules = []string{"scale-out=0 8 * *:desired=4"} }, `invalid value "scale-out=0 8 * *:desired=4" for --schedule: cron "0 8 * *" has 4 fields; want 5 (minute hour day-of-month month day-of-week)`},
		{"schedule outside bounds", func(p *Params) { p.Schedules = []string{"scale-out=0 8 * * *:desired=9"} }, `invalid value "scale-out=0 8 * * *:desired=9" for --schedule: desired 9 is outside --min 2 and --max 6`},
		{"spot strategy", func(p *Params) { p.SpotStrategy = "cheapest" }, `invalid value "cheapest" for --spot-strategy: must be one of capacity-optimized, lowest-price, price-capacity-optimized`},
		{"deployment config", func(p *Params) { p.DeploymentConfig = "Fast" }, `invalid value "Fast" for --deployment-config: must be one of AllAtOnce, HalfAtATime, OneAtATime`},
		{"certificate region", func(p *Params) {
			p.CertificateARN = "arn:aws:acm:eu-west-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
		}, `invalid value "arn:aws:acm:eu-west-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab" for --certificate-arn: the certificate is in eu-west-1, but a load balancer needs one in its own region (us-east-1)`},
		{"network flags too", func(p *Params) { p.Network.AZs = 9 }, `invalid value "9" for --azs: us-east-1 has 6 Availability Zones; use 1 to 6`},
		{"one zone", func(p *Params) { p.Network.AZs = 1 }, `invalid value "1" for --azs: an Application Load Balancer needs at least 2 Availability Zones`},
		{"no NAT", func(p *Params) { p.Network.NAT = "none" }, `invalid value "none" for --nat: instances in private subnets need a NAT gateway to install packages and reach SSM and CodeDeploy; use single or per-az`},
		{"artifact bucket", func(p *Params) { p.ArtifactBucket = "My_Bucket" }, `invalid value "My_Bucket" for --artifact-bucket: want an S3 bucket name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Defaults()
			tt.modify(&p)
			err := p.Validate()
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v\nwant %s", err, tt.want)
			}
			var paramErr *blueprints.ParamError
			if !errors.As(err, &paramErr) {
				t.Errorf("%T is not a *blueprints.ParamError", err)
			}
			if _, err := Build(p); err == nil {
				t.Error("Build accepted what Validate rejects")
			}
		})
	}
}

func TestOneTypeWarns(t *testing.T) {
	p := Defaults()
	p.InstanceTypes = []string{"m5.large"}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	w := p.Warnings()
	if len(w) != 1 || !strings.HasPrefix(w[0], "--instance-types: one type gives Spot a single capacity pool") {
		t.Errorf("Warnings() = %q", w)
	}
	p.OnDemandPercent = 100
	if w := p.Warnings(); len(w) != 0 {
		t.Errorf("no Spot at all should not warn: %q", w)
	}
}

func TestBuild(t *testing.T) {
	p := Defaults()
	p.InstanceTypes = []string{"m7g.large", "m6g.large"}
	p.Schedules = []string{"scale-out=0 8 * * MON-FRI:desired=4"}
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	lt := g.Component("launch_template")
	if got := lt.Property("image_id"); got != graph.String("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64") {
		t.Errorf("image_id = %v", got)
	}
	meta := fmt.Sprint(lt.Property("metadata_options"))
	if !strings.Contains(meta, "{http_tokens required}") || !strings.Contains(meta, "{http_put_response_hop_limit 1}") {
		t.Errorf("metadata options = %s", meta)
	}
	asg := g.Component("autoscaling_group")
	if got := fmt.Sprint(asg.Property("vpc_zone_identifier")); !strings.Contains(got, "private_subnet_a") || strings.Contains(got, "public") {
		t.Errorf("ASG subnets = %s", got)
	}
	if g.Component("schedule_scale_out") == nil {
		t.Error("no scheduled action")
	}
	if g.Component("vpc") == nil || g.App == nil {
		t.Error("asg-spot must compose the VPC and describe its app")
	}
	// No rule admits 0.0.0.0/0 to the instances, and nothing opens SSH.
	for _, c := range g.Components {
		if c.Kind != graph.KindSecurityGroupIngress {
			continue
		}
		from, _ := c.Property("from_port").(graph.Int)
		to, _ := c.Property("to_port").(graph.Int)
		protocol := c.Property("ip_protocol")
		if (protocol == graph.String("-1") || from <= 22 && to >= 22) && protocol != graph.String("icmp") {
			t.Errorf("%s admits port 22 (ports %d-%d, protocol %v)", c.ID, from, to, protocol)
		}
		if c.Property("security_group_id") == graph.RefID("instance_security_group") && c.Property("cidr_ipv4") != nil {
			t.Errorf("%s admits a CIDR to the instances", c.ID)
		}
	}
	// The group waits for the private routes, or first boot cannot reach
	// the package repositories.
	if deps := fmt.Sprint(asg.DependsOn); !strings.Contains(deps, "private_default_route_a") || !strings.Contains(deps, "private_default_route_b") {
		t.Errorf("ASG depends on %s", deps)
	}
	withBucket := Defaults()
	withBucket.ArtifactBucket = "my-revisions"
	if g, err := Build(withBucket); err != nil || !strings.Contains(fmt.Sprint(g.Component("instance_artifact_policy").Property("policy")), ":s3:::my-revisions/*") {
		t.Errorf("artifact bucket policy missing: %v", err)
	}
	https := Defaults()
	https.CertificateARN = "arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
	g, err = Build(https)
	if err != nil {
		t.Fatal(err)
	}
	if g.Component("https_listener") == nil || !strings.Contains(fmt.Sprint(g.Component("http_listener").Property("default_action")), "redirect") {
		t.Error("with a certificate, HTTP must redirect to an HTTPS listener")
	}
}

func TestCapacityTable(t *testing.T) {
	p := Defaults()
	p.OnDemandBase, p.OnDemandPercent, p.Min, p.Desired, p.Max = 2, 20, 2, 4, 20
	got := fmt.Sprint(CapacityTable(p).Rows)
	want := "[[min 2 2 0] [desired 4 3 1] [max 20 6 14]]"
	if got != want {
		t.Errorf("rows = %s, want %s", got, want)
	}
}

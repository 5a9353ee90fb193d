package pilotlight

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestValidateBadInput(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Params)
		param string
		want  string
	}{
		{"same regions", func(p *Params) { p.DRRegion = p.PrimaryRegion }, "dr-region", "must differ"},
		{"unknown primary region", func(p *Params) { p.PrimaryRegion = "us-east-9" }, "primary-region", "unknown region"},
		{"unknown dr region", func(p *Params) { p.DRRegion = "mars-1" }, "dr-region", "unknown region"},
		{"one zone", func(p *Params) { p.AZs = 1 }, "azs", "at least 2"},
		{"more zones than us-west-1 has", func(p *Params) { p.DRRegion = "us-west-1"; p.AZs = 3 }, "azs", "in the dr region"},
		{"bad primary cidr", func(p *Params) { p.PrimaryCIDR = "10.0.0.0/33" }, "primary-cidr", ""},
		{"overlapping ranges", func(p *Params) { p.DRCIDR = "10.0.128.0/17" }, "dr-cidr", "overlaps"},
		{"no NAT in dr", func(p *Params) { p.DRNAT = vpc.NATNone }, "dr-nat", "single or per-az"},
		{"engine", func(p *Params) { p.Engine = "oracle" }, "db-engine", "mysql, postgres"},
		{"engine version", func(p *Params) { p.EngineVersion = "16.4" }, "db-engine-version", "17.9, 16.13"},
		{"mysql version on postgres", func(p *Params) { p.EngineVersion = "8.4.9" }, "db-engine-version", ""},
		{"instance class", func(p *Params) { p.InstanceClass = "db.x2g.16xlarge" }, "db-instance-class", "db.t4g.micro"},
		{"storage", func(p *Params) { p.StorageGiB = 5 }, "db-storage", "20 and 16384"},
		{"short backups", func(p *Params) { p.BackupRetentionDays = 1 }, "backup-retention", "7 and 35"},
		{"instance type", func(p *Params) { p.InstanceType = "z9.huge" }, "instance-type", ""},
		{"zero min", func(p *Params) { p.Min = 0 }, "min", "serves traffic"},
		{"desired above max", func(p *Params) { p.Desired = 9 }, "desired", "--max 4"},
		{"hosted zone syntax", func(p *Params) { p.HostedZoneID, p.Domain = "z123", "app.example.com" }, "hosted-zone-id", "Z0123456789"},
		{"domain syntax", func(p *Params) { p.HostedZoneID, p.Domain = "Z123", "App_Example.com." }, "domain", "fully qualified"},
		{"zone without domain", func(p *Params) { p.HostedZoneID = "Z123" }, "domain", "required with --hosted-zone-id"},
		{"domain without zone", func(p *Params) { p.Domain = "app.example.com" }, "hosted-zone-id", "required with --domain"},
		{"name", func(p *Params) { p.Name = "Bad_Name" }, "name", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Defaults()
			tt.edit(&p)
			err := p.Validate()
			if err == nil {
				t.Fatal("no error")
			}
			found := false
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var pe *blueprints.ParamError
				if errors.As(e, &pe) && pe.Param == tt.param && strings.Contains(pe.Reason, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want an error on --%s containing %q, got:\n%v", tt.param, tt.want, err)
			}
			if _, err := Build(p); err == nil {
				t.Error("Build accepted the parameters")
			}
		})
	}
}

func TestDefaultsValid(t *testing.T) {
	for _, p := range []Params{Defaults(), withDNS(), mysql()} {
		if err := p.Validate(); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
}

func withDNS() Params {
	p := Defaults()
	p.HostedZoneID, p.Domain = "Z123", "app.example.com"
	return p
}

func mysql() Params {
	p := Defaults()
	p.Engine, p.InstanceClass = "mysql", "db.r6g.large"
	return p
}

func TestBuild(t *testing.T) {
	for _, p := range []Params{Defaults(), withDNS(), mysql()} {
		b, err := Build(p)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, s := range b.Stacks {
			names = append(names, s.Name+"@"+s.Graph.Region)
			for _, c := range s.Graph.Components {
				if c.Why == "" {
					t.Errorf("stack %s: component %q has no Why", s.Name, c.ID)
				}
			}
		}
		want := []string{"primary@us-east-1", "dr@us-west-2", "assets@us-east-1"}
		if p.HostedZoneID != "" && b.Stack(StackDNS) != nil {
			want = append(want, "dns@us-west-2")
		}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("stacks %v, want %v", names, want)
		}
		dr := b.Stack(StackDR).Graph
		asg := dr.Component("autoscaling_group")
		for _, prop := range []string{"min_size", "desired_capacity"} {
			if v := asg.Property(prop); v != graph.Int(0) {
				t.Errorf("dr group %s = %v", prop, v)
			}
		}
		again, _ := Build(p)
		if !reflect.DeepEqual(b, again) {
			t.Error("Build is not deterministic")
		}
	}
}

// TestRunbookNamesMatchComponents keeps the runbook's commands, which
// rebuild names from $NAME and fixed suffixes, in step with the names the
// builders give the resources.
func TestRunbookNamesMatchComponents(t *testing.T) {
	b, err := Build(withDNS())
	if err != nil {
		t.Fatal(err)
	}
	named := func(suffix string) graph.Value { return graph.Join{graph.Param("name"), graph.String(suffix)} }
	tests := []struct {
		stack, component, property, suffix string
	}{
		{StackPrimary, primaryDB, "identifier", primaryDBSuffix},
		{StackPrimary, dbSubnetGroup, "name", primaryDBSuffix},
		{StackPrimary, "autoscaling_group", "name", webSuffix},
		{StackDR, replicaDB, "identifier", replicaDBSuffix},
		{StackDR, "autoscaling_group", "name", webSuffix},
		{StackDR, "target_group", "name", webSuffix},
		{StackDR, "load_balancer", "name", albSuffix},
		{StackPrimary, "load_balancer", "name", albSuffix},
	}
	for _, tt := range tests {
		c := b.Stack(tt.stack).Graph.Component(tt.component)
		if c == nil {
			t.Errorf("%s: no component %q", tt.stack, tt.component)
			continue
		}
		if got := c.Property(tt.property); !reflect.DeepEqual(got, named(tt.suffix)) {
			t.Errorf("%s %s.%s = %#v, want the name parameter + %q", tt.stack, tt.component, tt.property, got, tt.suffix)
		}
	}
	for _, step := range b.Runbook.Steps {
		if strings.Contains(step.Commands, "$NAME") && !strings.Contains(step.Commands, `"$NAME-`) && !strings.Contains(step.Commands, "'$NAME-") {
			t.Errorf("step %q uses $NAME without a suffix", step.Title)
		}
	}
}

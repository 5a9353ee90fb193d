package examples

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints/asgspot"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// These tests price the real blueprints and compare with sums worked out
// by hand from the price list, so a change to a blueprint or a price that
// moves an estimate has to be explained here.

func estimate(t *testing.T, g *graph.Graph, err error, gb float64) *cost.Estimate {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	a := cost.DefaultAssumptions()
	a.GBPerMonth = gb
	e, err := cost.Of(g, a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func assertTotal(t *testing.T, e *cost.Estimate, want float64) {
	t.Helper()
	if math.Abs(e.TotalUSD-want) > 1e-9 {
		var lines []string
		for _, l := range e.Lines {
			lines = append(lines, l.Component+" "+l.Item)
		}
		t.Errorf("total = %v, want %v; lines:\n%s", e.TotalUSD, want, strings.Join(lines, "\n"))
	}
}

func TestDefaultVPCHandComputed(t *testing.T) {
	g, err := blueprint.Build(blueprint.Defaults())
	e := estimate(t, g, err, 0)
	// Two zones, a NAT gateway in each, each with an Elastic IP; flow logs
	// at 0 GB; everything else free:
	// 2 NAT × 730 h × $0.045 + 2 EIP × 730 h × $0.005 = 65.70 + 7.30 = 73.00
	want := 2*730*0.045 + 2*730*0.005
	assertTotal(t, e, want)
	if math.Abs(want-73.00) > 1e-9 {
		t.Errorf("the hand sum is %v, not 73.00", want)
	}
	if e.Summary() != "≈ $73 per month in us-east-1 (730 h, 0 GB processed), 90% of it NAT gateway hours" {
		t.Errorf("summary = %q", e.Summary())
	}
}

func TestNATModesCompared(t *testing.T) {
	total := func(mode blueprint.NATMode) float64 {
		p := blueprint.Defaults()
		p.AZs = 3
		p.NAT = mode
		g, err := blueprint.Build(p)
		return estimate(t, g, err, 0).TotalUSD
	}
	perAZ, single, none := total(blueprint.NATPerAZ), total(blueprint.NATSingle), total(blueprint.NATNone)
	// A NAT gateway and its address cost 730 × (0.045 + 0.005) = 36.50 a month.
	if math.Abs(perAZ-3*36.50) > 1e-9 || math.Abs(single-36.50) > 1e-9 || none != 0 {
		t.Errorf("per-az %v, single %v, none %v; want 109.50, 36.50, 0", perAZ, single, none)
	}
}

func TestASGSpotHandComputed(t *testing.T) {
	p := asgspot.Defaults()
	p.InstanceTypes = []string{"m6i.large", "m5.large"}
	p.Desired, p.Max = 4, 8
	p.OnDemandBase, p.OnDemandPercent = 1, 50
	g, err := asgspot.Build(p)
	e := estimate(t, g, err, 0)
	// Four instances: the base of 1, then 50% of the other 3 = 1.5, rounded
	// up to 2 in favour of On-Demand: 3 On-Demand, 1 Spot, all m6i.large
	// ($0.096/h), Spot at 40% of it.
	want := 73.00 + // the default VPC (see above)
		730*0.0225 + // load balancer hours
		2*730*0.005 + // its public IPv4 address in each of the two public subnets
		3*730*0.096 + // On-Demand instances
		1*730*0.096*0.40 + // the Spot instance
		4*20*0.08 + // a 20 GB gp3 root volume each
		4*7*0.30 + // detailed monitoring, 7 metrics each
		2*0.10 // target tracking's two alarms
	// = 73.00 + 16.425 + 7.30 + 210.24 + 28.032 + 6.40 + 8.40 + 0.20 = 349.997
	assertTotal(t, e, want)
	var quantities []float64
	for _, l := range e.Lines {
		if l.Component == "autoscaling_group" && strings.Contains(l.Item, "instance hours") {
			quantities = append(quantities, l.Quantity)
		}
	}
	if !slices.Equal(quantities, []float64{3 * 730, 1 * 730}) {
		t.Errorf("instance-hours On-Demand, Spot = %v, want [2190 730]", quantities)
	}
}

func TestFanoutKMSAndAlarmsHandComputed(t *testing.T) {
	p := fanout.Defaults()
	p.Queues = []string{"archive", "siem"}
	p.KMS = true
	p.AlarmEmail = "ops@example.com"
	g, err := fanout.Build(p)
	e := estimate(t, g, err, 0)
	// Three customer-managed keys (topic, queues, alarm topic) and one
	// alarm per dead-letter queue; requests are assumed to be 0:
	// 3 × $1 + 2 × $0.10 = 3.20
	assertTotal(t, e, 3*1.00+2*0.10)

	p.KMS, p.AlarmEmail = false, ""
	g, err = fanout.Build(p)
	// Without --kms the AWS-managed keys cost nothing: only the alarms.
	assertTotal(t, estimate(t, g, err, 0), 2*0.10)
}

func TestRegionFactorApplied(t *testing.T) {
	p := blueprint.Defaults()
	p.Region = "sa-east-1"
	g, err := blueprint.Build(p)
	e := estimate(t, g, err, 0)
	// São Paulo's NAT gateway is $0.093/h: 0.093 / 0.045 = 2.07, rounded to 2.05.
	// Public IPv4 is priced the same everywhere:
	// 2 × 730 × 0.045 × 2.05 + 2 × 730 × 0.005 = 134.685 + 7.30 = 141.985
	assertTotal(t, e, 2*730*0.045*2.05+2*730*0.005)
}

func TestAssumeGBChangesNATAndLoadBalancerExactly(t *testing.T) {
	g, err := asgspot.Build(asgspot.Defaults())
	base := estimate(t, g, err, 0)
	more := estimate(t, g, err, 100)
	if len(base.Lines) != len(more.Lines) {
		t.Fatalf("%d lines at 0 GB, %d at 100 GB", len(base.Lines), len(more.Lines))
	}
	// Each NAT gateway processes 100 GB at $0.045 = 4.50; the load balancer
	// 100 GB, i.e. 100 LCU-hours at $0.008 = 0.80. Nothing else moves.
	for i, l := range more.Lines {
		want := base.Lines[i].MonthlyUSD
		switch l.Item {
		case "NAT gateway data processed":
			want = 4.50
		case "load balancer LCU-hours":
			want = 0.80
		}
		if math.Abs(l.MonthlyUSD-want) > 1e-9 {
			t.Errorf("%s %s = %v, want %v", l.Component, l.Item, l.MonthlyUSD, want)
		}
	}
	assertTotal(t, more, base.TotalUSD+2*100*0.045+100*0.008)
}

// TestEveryRegionHasAFactor keeps the cost package's region table in step
// with the regions scaffold accepts, in both directions.
func TestEveryRegionHasAFactor(t *testing.T) {
	for _, region := range regions.Names() {
		if _, ok := cost.RegionFactor(region); !ok {
			t.Errorf("scaffold accepts %s but the cost estimate has no factor for it", region)
		}
	}
	if !slices.Equal(cost.Regions(), regions.Names()) {
		t.Errorf("the cost estimate prices regions scaffold does not know:\n cost    %v\n regions %v", cost.Regions(), regions.Names())
	}
}

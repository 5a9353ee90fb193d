package cost

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// near compares money computed in a different order than the test's own
// literal arithmetic.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// natPair is the smallest priced network: one Elastic IP and the NAT
// gateway that uses it, plus a free VPC.
func natPair(region string) *graph.Graph {
	return &graph.Graph{Name: "t", Region: region, Components: []graph.Component{
		{ID: "vpc", Kind: graph.KindVPC},
		{ID: "nat_eip_a", Kind: graph.KindElasticIP, Properties: []graph.Property{{Name: "domain", Value: graph.String("vpc")}}},
		{ID: "nat_gateway_a", Kind: graph.KindNATGateway, Properties: []graph.Property{{Name: "allocation_id", Value: graph.RefID("nat_eip_a")}}},
	}}
}

func TestEveryKindHasARule(t *testing.T) {
	table := rules()
	for _, kind := range graph.AllKinds() {
		r, ok := table[kind]
		if !ok || (r.price == nil && r.free.what == "") {
			t.Errorf("kind %q has no cost rule: price it or list it as free with a reason", kind)
		}
		if r.free.what != "" && r.free.why == "" {
			t.Errorf("kind %q is free without a reason", kind)
		}
	}
	if len(table) != len(graph.AllKinds()) {
		t.Errorf("%d rules for %d kinds: a rule names a kind the graph no longer has", len(table), len(graph.AllKinds()))
	}
}

func TestNATPairHandComputed(t *testing.T) {
	e, err := Of(natPair("us-east-1"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	// 730 h × $0.045 (NAT) + 0 GB × $0.045 + 730 h × $0.005 (its address) = 32.85 + 3.65 = 36.50
	if want := 730*0.045 + 730*0.005; !near(e.TotalUSD, want) || !near(want, 36.50) {
		t.Errorf("total = %v, want %v", e.TotalUSD, want)
	}
	if len(e.Free) != 1 || !strings.HasPrefix(e.Free[0], "VPC: ") {
		t.Errorf("free = %q", e.Free)
	}
}

func TestAssumeGBChangesNATLineExactly(t *testing.T) {
	a := DefaultAssumptions()
	base, err := Of(natPair("us-east-1"), a)
	if err != nil {
		t.Fatal(err)
	}
	a.GBPerMonth = 250
	more, err := Of(natPair("us-east-1"), a)
	if err != nil {
		t.Fatal(err)
	}
	// 250 GB × $0.045 = 11.25, on the data-processed line and nowhere else.
	if got := more.TotalUSD - base.TotalUSD; !near(got, 250*0.045) {
		t.Errorf("total grew by %v, want %v", got, 250*0.045)
	}
	for i, l := range more.Lines {
		want := base.Lines[i].MonthlyUSD
		if l.Item == "NAT gateway data processed" {
			want = 11.25
		}
		if !near(l.MonthlyUSD, want) {
			t.Errorf("%s %s = %v, want %v", l.Component, l.Item, l.MonthlyUSD, want)
		}
	}
}

func TestRegionFactor(t *testing.T) {
	tests := []struct {
		region string
		want   float64
	}{
		{"us-east-1", 1}, {"us-east-2", 1}, {"us-west-2", 1},
		{"eu-west-1", 1.05},  // 0.048 / 0.045 = 1.067
		{"sa-east-1", 2.05},  // 0.093 / 0.045 = 2.067
		{"ap-east-2", 1.45},  // borrowed from ap-east-1: 0.065 / 0.045 = 1.444
		{"eu-north-1", 1.00}, // 0.046 / 0.045 = 1.022
	}
	for _, tt := range tests {
		if got, ok := RegionFactor(tt.region); !ok || got != tt.want {
			t.Errorf("RegionFactor(%q) = %v, %v; want %v", tt.region, got, ok, tt.want)
		}
	}
	if _, ok := RegionFactor("moon-1"); ok {
		t.Error("an unknown region has a factor")
	}
	for _, region := range Regions() {
		f, _ := RegionFactor(region)
		if f < 1 || f > 2.5 || math.Abs(f*20-math.Round(f*20)) > 1e-9 {
			t.Errorf("%s: factor %v is not a multiple of 0.05 between 1 and 2.5", region, f)
		}
	}
}

func TestRegionFactorScalesOnlyRegionalPrices(t *testing.T) {
	e, err := Of(natPair("sa-east-1"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	// NAT hours scale by 2.05; the public IPv4 price is the same everywhere:
	// 730 × 0.045 × 2.05 + 730 × 0.005 = 67.3425 + 3.65 = 70.9925
	if want := 730*0.045*2.05 + 730*0.005; !near(e.TotalUSD, want) {
		t.Errorf("total = %v, want %v", e.TotalUSD, want)
	}
	if e.RegionFactor != 2.05 || !strings.Contains(strings.Join(e.Notes, " "), "us-east-1 list prices × 2.05") {
		t.Errorf("factor %v, notes %q", e.RegionFactor, e.Notes)
	}
	borrowed, err := Of(natPair("ap-southeast-7"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(borrowed.Notes, " "), "ap-southeast-1's stands in") {
		t.Errorf("a borrowed factor is not disclosed: %q", borrowed.Notes)
	}
}

func TestBadAssumptionsRejected(t *testing.T) {
	tests := []struct {
		name string
		a    Assumptions
		want string
	}{
		{"negative GB", Assumptions{HoursPerMonth: 730, GBPerMonth: -1}, "GB processed per month must be a finite number of 0 or more, got -1"},
		{"NaN GB", Assumptions{HoursPerMonth: 730, GBPerMonth: math.NaN()}, "got NaN"},
		{"infinite GB", Assumptions{HoursPerMonth: 730, GBPerMonth: math.Inf(1)}, "got +Inf"},
		{"NaN hours", Assumptions{HoursPerMonth: math.NaN()}, "hours per month must be more than 0 and at most 744, got NaN"},
		{"negative hours", Assumptions{HoursPerMonth: -5}, "got -5"},
		{"too many hours", Assumptions{HoursPerMonth: 800}, "got 800"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Of(natPair("us-east-1"), tt.a)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestUnknownRegionAndKindRejected(t *testing.T) {
	if _, err := Of(natPair("moon-1"), DefaultAssumptions()); err == nil || !strings.Contains(err.Error(), `no price factor for region "moon-1"`) {
		t.Errorf("err = %v", err)
	}
	g := natPair("us-east-1")
	g.Add(graph.Component{ID: "bucket", Kind: graph.Kind("quantum_computer")})
	if _, err := Of(g, DefaultAssumptions()); err == nil || !strings.Contains(err.Error(), `component "bucket": no price rule for kind "quantum_computer"`) {
		t.Errorf("err = %v", err)
	}
}

func TestInstanceHourly(t *testing.T) {
	tests := []struct {
		instanceType string
		want         float64
	}{
		{"m5.large", 0.096},
		{"m5.xlarge", 0.192},
		{"m6i.32xlarge", 0.096 * 64},
		{"t3.nano", 0.0832 / 16},
		{"t3.micro", 0.0104},
		{"m7g.medium", 0.0408},
	}
	for _, tt := range tests {
		got, err := InstanceHourlyUSD(tt.instanceType)
		if err != nil || !near(got, tt.want) {
			t.Errorf("InstanceHourlyUSD(%q) = %v, %v; want %v", tt.instanceType, got, err, tt.want)
		}
	}
	for _, bad := range []string{"x9.large", "m5.huge", "m5"} {
		if _, err := InstanceHourlyUSD(bad); err == nil || !strings.Contains(err.Error(), `"`+bad+`"`) {
			t.Errorf("InstanceHourlyUSD(%q): err = %v, want one naming it", bad, err)
		}
	}
}

func TestSplitOnDemand(t *testing.T) {
	tests := []struct{ capacity, base, percent, onDemand, spot int }{
		{2, 1, 20, 2, 0},  // 1 above the base: 20% of 1 rounds up to 1
		{6, 1, 20, 2, 4},  // 5 above: 20% of 5 is exactly 1
		{10, 2, 25, 4, 6}, // 8 above: 25% of 8 is 2
		{7, 0, 50, 4, 3},  // 3.5 rounds up
		{0, 1, 20, 0, 0},
		{3, 5, 0, 3, 0}, // a base above capacity caps at capacity
		{4, 0, 0, 0, 4},
	}
	for _, tt := range tests {
		od, spot := SplitOnDemand(tt.capacity, tt.base, tt.percent)
		if od != tt.onDemand || spot != tt.spot {
			t.Errorf("SplitOnDemand(%d, %d, %d) = %d, %d; want %d, %d", tt.capacity, tt.base, tt.percent, od, spot, tt.onDemand, tt.spot)
		}
	}
}

// webTier is a hand-built load balancer and Auto Scaling group.
func webTier(desired int, internal bool, types ...string) *graph.Graph {
	var overrides graph.List
	for _, t := range types {
		overrides = append(overrides, graph.Struct{{Key: "instance_type", Value: graph.String(t)}})
	}
	return &graph.Graph{Name: "t", Region: "us-east-1", Components: []graph.Component{
		{ID: "public_a", Kind: graph.KindSubnet}, {ID: "public_b", Kind: graph.KindSubnet}, {ID: "public_c", Kind: graph.KindSubnet},
		{ID: "alb", Kind: graph.KindLoadBalancer, Properties: []graph.Property{
			{Name: "internal", Value: graph.Bool(internal)},
			{Name: "load_balancer_type", Value: graph.String("application")},
			{Name: "subnets", Value: graph.List{graph.RefID("public_a"), graph.RefID("public_b"), graph.RefID("public_c")}},
		}},
		{ID: "lt", Kind: graph.KindLaunchTemplate, Properties: []graph.Property{
			{Name: "block_device_mappings", Value: graph.List{graph.Struct{{Key: "ebs", Value: graph.Struct{
				{Key: "volume_size", Value: graph.Int(30)}, {Key: "volume_type", Value: graph.String("gp3")},
			}}}}},
			{Name: "monitoring", Value: graph.Struct{{Key: "enabled", Value: graph.Bool(true)}}},
		}},
		{ID: "asg", Kind: graph.KindAutoScalingGroup, Properties: []graph.Property{
			{Name: "desired_capacity", Value: graph.Int(desired)},
			{Name: "mixed_instances_policy", Value: graph.Struct{
				{Key: "launch_template", Value: graph.Struct{
					{Key: "launch_template_specification", Value: graph.Struct{{Key: "launch_template_id", Value: graph.RefID("lt")}}},
					{Key: "override", Value: overrides},
				}},
				{Key: "instances_distribution", Value: graph.Struct{
					{Key: "on_demand_base_capacity", Value: graph.Int(1)},
					{Key: "on_demand_percentage_above_base_capacity", Value: graph.Int(20)},
				}},
			}},
		}},
		{ID: "cpu", Kind: graph.KindAutoScalingPolicy, Properties: []graph.Property{{Name: "policy_type", Value: graph.String("TargetTrackingScaling")}}},
	}}
}

func TestWebTierHandComputed(t *testing.T) {
	e, err := Of(webTier(6, false, "c6g.xlarge", "c7g.xlarge"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	// Six instances, base 1, 20% of the other 5 = 1 more On-Demand: 2 On-Demand, 4 Spot.
	// c6g.xlarge = 2 × $0.068 = $0.136/h; Spot assumed at 40% of it.
	want := 730*0.0225 + // load balancer hours
		0*0.008 + // no LCUs at 0 GB
		3*730*0.005 + // three public IPv4 addresses, one per subnet
		2*730*0.136 + // On-Demand instances
		4*730*0.136*0.40 + // Spot instances
		6*30*0.08 + // 30 GB gp3 root volume each
		6*7*0.30 + // detailed monitoring, 7 metrics each
		2*0.10 // the target tracking policy's two alarms
	// = 16.425 + 0 + 10.95 + 198.56 + 158.848 + 14.40 + 12.60 + 0.20 = 411.983
	if !near(e.TotalUSD, want) || !near(want, 411.983) {
		t.Errorf("total = %v, want %v", e.TotalUSD, want)
	}
	notes := strings.Join(e.Notes, "\n")
	for _, want := range []string{"may launch any of c6g.xlarge, c7g.xlarge", "40% of the On-Demand price", "rule evaluations", "two CloudWatch alarms"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}

	internal, err := Of(webTier(6, true, "c6g.xlarge"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := e.TotalUSD - internal.TotalUSD; !near(got, 3*730*0.005) {
		t.Errorf("an internal load balancer saves %v, want the three addresses (%v)", got, 3*730*0.005)
	}
}

func TestAssumeGBChangesLoadBalancerLCUsExactly(t *testing.T) {
	a := DefaultAssumptions()
	base, _ := Of(webTier(2, false, "m5.large"), a)
	a.GBPerMonth = 1000
	more, err := Of(webTier(2, false, "m5.large"), a)
	if err != nil {
		t.Fatal(err)
	}
	// 1,000 GB over 730 h averages 1.37 LCU, i.e. 1,000 LCU-hours × $0.008 = 8.00.
	if got := more.TotalUSD - base.TotalUSD; !near(got, 1000*0.008) {
		t.Errorf("total grew by %v, want %v", got, 1000*0.008)
	}
}

func TestUnpricedInstanceTypeNamed(t *testing.T) {
	_, err := Of(webTier(2, false, "x9.large"), DefaultAssumptions())
	if err == nil || !strings.Contains(err.Error(), `component "asg": no price for instance type "x9.large"`) {
		t.Errorf("err = %v", err)
	}
}

func TestDeterministicLines(t *testing.T) {
	first, err := Of(webTier(4, false, "m5.large", "m6i.large"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(first)
	var order []string
	for _, l := range first.Lines {
		order = append(order, l.Component+"/"+l.Item)
	}
	// Lines follow the graph's component order, then each rule's item order.
	if got := strings.Join(order, " "); got != "alb/load balancer hours alb/load balancer LCU-hours alb/public IPv4 address hours "+
		"asg/On-Demand instance hours (m5.large) asg/Spot instance hours (m5.large) asg/gp3 volume storage asg/EC2 detailed monitoring metrics cpu/CloudWatch alarm-months" {
		t.Errorf("line order: %s", got)
	}
	for i := 0; i < 20; i++ {
		e, _ := Of(webTier(4, false, "m5.large", "m6i.large"), DefaultAssumptions())
		if got, _ := json.Marshal(e); string(got) != string(want) {
			t.Fatalf("run %d differs:\n%s\n%s", i, got, want)
		}
	}
}

func TestJSONNames(t *testing.T) {
	e, err := Of(natPair("us-east-1"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(e)
	var fields map[string]any
	json.Unmarshal(data, &fields)
	var keys []string
	for _, k := range []string{"region", "region_factor", "price_date", "source", "assumptions", "lines", "free", "total_monthly_usd", "notes"} {
		if _, ok := fields[k]; !ok {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		t.Errorf("JSON lacks %v: %s", keys, data)
	}
	line := fields["lines"].([]any)[0].(map[string]any)
	for _, k := range []string{"component", "label", "item", "quantity", "unit", "unit_price_usd", "monthly_usd"} {
		if _, ok := line[k]; !ok {
			t.Errorf("line JSON lacks %q: %v", k, line)
		}
	}
}

func TestTableSummaryDrivers(t *testing.T) {
	g := natPair("eu-west-1")
	g.Add(graph.Component{ID: "key", Kind: graph.KindKMSKey})
	e, err := Of(g, DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	// 730 × 0.045 × 1.05 + 730 × 0.005 + 1 = 34.4925 + 3.65 + 1 = 39.1425
	if !near(e.TotalUSD, 39.1425) {
		t.Fatalf("total = %v", e.TotalUSD)
	}
	wantRows := [][]string{
		{"nat_eip_a", "public IPv4 address hours", "730", "$0.005 per hour", "$3.65"},
		{"nat_gateway_a", "NAT gateway hours", "730", "$0.045 per hour × 1.05", "$34.49"},
		{"nat_gateway_a", "NAT gateway data processed", "0", "$0.045 per GB × 1.05", "$0.00"},
		{"key", "KMS key-months", "1", "$1.00 per key-month", "$1.00"},
		{"total", "", "", "", "$39.14"},
	}
	if got := e.Table().Rows; !reflect.DeepEqual(got, wantRows) {
		t.Errorf("rows:\n got %q\nwant %q", got, wantRows)
	}
	if got, want := e.Summary(), "≈ $39 per month in eu-west-1 (730 h, 0 GB processed), 88% of it NAT gateway hours"; got != want {
		t.Errorf("summary:\n got %s\nwant %s", got, want)
	}
	drivers := e.Drivers()
	var items []string
	for _, d := range drivers {
		items = append(items, d.Item)
	}
	// Ties (the empty data-processed line alone) sort by name.
	if got := strings.Join(items, "|"); got != "NAT gateway hours|public IPv4 address hours|KMS key-months|NAT gateway data processed" {
		t.Errorf("drivers: %s", got)
	}
	if !near(drivers[0].Share, 34.4925/39.1425) {
		t.Errorf("share = %v", drivers[0].Share)
	}
}

func TestSummaryOfSmallTotals(t *testing.T) {
	g := &graph.Graph{Region: "us-east-1", Components: []graph.Component{
		{ID: "topic", Kind: graph.KindSNSTopic}, {ID: "queue", Kind: graph.KindSQSQueue},
	}}
	e, err := Of(g, DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Summary(), "$0 per month in us-east-1 (730 h, 0 GB processed)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if len(e.Lines) != 2 || e.Lines[0].UnitPriceUSD != 0.50 || e.Lines[1].UnitPriceUSD != 0.40 {
		t.Errorf("lines = %+v", e.Lines)
	}
	// One alarm is $0.10: too little to round to a whole dollar.
	g.Add(graph.Component{ID: "alarm", Kind: graph.KindMetricAlarm, Properties: []graph.Property{{Name: "period", Value: graph.Int(300)}}})
	if e, _ = Of(g, DefaultAssumptions()); e.Summary() != "< $1 per month in us-east-1 (730 h, 0 GB processed)" || !near(e.TotalUSD, 0.10) {
		t.Errorf("summary = %q, total %v", e.Summary(), e.TotalUSD)
	}
}

func TestNumberFormats(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1460: "1,460", 1234567.891: "1,234,567.89", 0.5: "0.5", 1.05: "1.05"} {
		if got := number(v); got != want {
			t.Errorf("number(%v) = %q, want %q", v, got, want)
		}
	}
	for _, tt := range []struct {
		v        float64
		decimals int
		want     string
	}{{0.045, -1, "$0.045"}, {1, -1, "$1.00"}, {0.096 * 0.4, -1, "$0.0384"}, {0.5, -1, "$0.50"}, {1234.5, 2, "$1,234.50"}, {0, 2, "$0.00"}} {
		if got := money(tt.v, tt.decimals); got != tt.want {
			t.Errorf("money(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

// database is a primary DB instance and, when replicaSource is set, a read
// replica of it (a Ref) or of a database in another stack (a ParamRef).
func database(multiAZ bool, replicaSource graph.Value) *graph.Graph {
	g := &graph.Graph{Region: "us-east-1", Parameters: []graph.Parameter{{Name: "source", Type: graph.ParamString}}}
	g.Add(
		graph.Component{ID: "subnets", Kind: graph.KindDBSubnetGroup},
		graph.Component{ID: "db", Kind: graph.KindDBInstance, Properties: []graph.Property{
			{Name: "engine", Value: graph.String("postgres")},
			{Name: "instance_class", Value: graph.String("db.t4g.small")},
			{Name: "allocated_storage", Value: graph.Int(20)},
			{Name: "max_allocated_storage", Value: graph.Int(100)},
			{Name: "storage_type", Value: graph.String("gp3")},
			{Name: "multi_az", Value: graph.Bool(multiAZ)},
			{Name: "manage_master_user_password", Value: graph.Bool(true)},
		}},
	)
	if replicaSource != nil {
		g.Add(graph.Component{ID: "replica", Kind: graph.KindDBInstance, Properties: []graph.Property{
			{Name: "instance_class", Value: graph.String("db.t4g.micro")},
			{Name: "storage_type", Value: graph.String("gp3")},
			{Name: "replicate_source_db", Value: replicaSource},
		}})
	}
	return g
}

func TestDatabaseHandComputed(t *testing.T) {
	e, err := Of(database(true, graph.RefARN("db")), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	want := 2*730*0.032 + // Multi-AZ: primary and standby instance hours
		2*20*0.115 + // and their two copies of 20 GB gp3
		0.40 + // the managed password's secret
		730*0.016 + // the replica, Single-AZ
		20*0.115 // which stores what its source does
	// = 46.72 + 4.60 + 0.40 + 11.68 + 2.30 = 65.70
	if !near(e.TotalUSD, want) || !near(want, 65.70) {
		t.Errorf("total = %v, want %v", e.TotalUSD, want)
	}
	var items []string
	for _, l := range e.Lines {
		items = append(items, l.Component+"/"+l.Item)
	}
	if got := strings.Join(items, " "); got != "db/RDS instance hours (db.t4g.small) db/RDS gp3 storage db/Secrets Manager secret-months "+
		"replica/RDS instance hours (db.t4g.micro) replica/RDS gp3 storage" {
		t.Errorf("lines: %s", got)
	}
	notes := strings.Join(e.Notes, "\n")
	for _, want := range []string{"billed twice", "up to 100 GB", "free up to the total storage", "$0.40 a month", "billed as a DB instance of its own"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if len(e.Free) != 1 || !strings.HasPrefix(e.Free[0], "DB subnet groups: ") {
		t.Errorf("free = %q", e.Free)
	}

	single, err := Of(database(false, nil), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	// 730 × 0.032 + 20 × 0.115 + 0.40 = 23.36 + 2.30 + 0.40 = 26.06
	if !near(single.TotalUSD, 26.06) {
		t.Errorf("Single-AZ total = %v, want 26.06", single.TotalUSD)
	}
}

func TestReplicaOfAnotherStack(t *testing.T) {
	e, err := Of(database(false, graph.Param("source")), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	last := e.Lines[len(e.Lines)-1]
	if last.Component != "replica" || last.Item != "RDS gp3 storage" || last.Quantity != 0 {
		t.Errorf("last line = %+v, want the replica's storage at 0 GB", last)
	}
	if !strings.Contains(strings.Join(e.Notes, " "), "which is in another stack") {
		t.Errorf("notes do not say why the replica's storage is 0 GB: %q", e.Notes)
	}
}

func TestDatabaseErrors(t *testing.T) {
	tests := []struct {
		name     string
		property string
		value    graph.Value
		want     string
	}{
		{"unknown class", "instance_class", graph.String("db.x9.huge"), `component "db": no price for DB instance class "db.x9.huge" (priced classes: db.m6g.large, db.m7g.large, db.r6g.large, db.t4g.large, db.t4g.medium, db.t4g.micro, db.t4g.small)`},
		{"class from a parameter", "instance_class", graph.Param("source"), "needs a literal instance_class"},
		{"unknown engine", "engine", graph.String("oracle-ee"), `no price for DB engine "oracle-ee"`},
		{"unknown storage", "storage_type", graph.String("io2"), `no price for RDS storage type "io2"`},
		{"no storage", "allocated_storage", graph.Param("source"), "needs allocated_storage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := database(false, nil)
			c := g.Component("db")
			for i := range c.Properties {
				if c.Properties[i].Name == tt.property {
					c.Properties[i].Value = tt.value
				}
			}
			if _, err := Of(g, DefaultAssumptions()); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDNSAndReplication(t *testing.T) {
	check := func(checkType string, interval int) graph.Component {
		return graph.Component{ID: "check", Kind: graph.KindRoute53HealthCheck, Properties: []graph.Property{
			{Name: "type", Value: graph.String(checkType)}, {Name: "request_interval", Value: graph.Int(interval)},
		}}
	}
	tests := []struct {
		name  string
		check graph.Component
		want  float64
	}{
		{"HTTP every 30 seconds", check("HTTP", 30), 0.50},
		{"HTTPS", check("HTTPS", 30), 0.50 + 1},
		{"HTTPS with string matching, fast", check("HTTPS_STR_MATCH", 10), 0.50 + 3*1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &graph.Graph{Region: "sa-east-1", Components: []graph.Component{
				tt.check,
				{ID: "record", Kind: graph.KindRoute53Record},
				{ID: "replication", Kind: graph.KindS3BucketReplication},
			}}
			e, err := Of(g, DefaultAssumptions())
			if err != nil {
				t.Fatal(err)
			}
			// Route 53 is global, so no region factor; replication copies
			// 0 GB until someone says otherwise.
			if !near(e.TotalUSD, tt.want) {
				t.Errorf("total = %v, want %v", e.TotalUSD, tt.want)
			}
			notes := strings.Join(e.Notes, " ")
			if !strings.Contains(notes, "assumed to copy 0 GB") || !strings.Contains(notes, "outside AWS costs $0.75") {
				t.Errorf("notes = %q", e.Notes)
			}
			if len(e.Free) != 1 || !strings.HasPrefix(e.Free[0], "DNS records: ") {
				t.Errorf("free = %q", e.Free)
			}
		})
	}
}

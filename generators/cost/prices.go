package cost

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// PriceDate is the day the prices below were read from AWS's pricing
// pages. Prices change without notice, so every estimate carries it.
const PriceDate = "2026-11-27"

// Source names where the prices come from.
const Source = "AWS's published list prices for us-east-1 (Linux, On-Demand) as compiled by scaffold on " + PriceDate +
	" (aws.amazon.com/vpc/pricing, /ec2/pricing/on-demand, /ebs/pricing, /elasticloadbalancing/pricing," +
	" /kms/pricing, /cloudwatch/pricing, /sns/pricing, /sqs/pricing, /s3/pricing, /codebuild/pricing, /codepipeline/pricing," +
	" /rds/pricing, /route53/pricing, /secrets-manager/pricing); check the AWS Pricing Calculator before budgeting"

// us-east-1 list prices in USD. They are constants rather than a table
// read at run time because an estimate must be reproducible from the
// source alone: the golden READMEs change only when someone edits a price
// here and the date above.
const (
	natGatewayHourly = 0.045
	natGatewayPerGB  = 0.045
	// Public IPv4 addresses have cost the same in every region since
	// February 2024, whether attached or idle.
	publicIPv4Hourly = 0.005
	albHourly        = 0.0225
	albLCUHourly     = 0.008
	// KMS charges the same per key in every region.
	kmsKeyMonthly        = 1.00
	alarmStandardMonthly = 0.10
	alarmHighResMonthly  = 0.30
	logIngestionPerGB    = 0.50
	logStoragePerGBMonth = 0.03
	// S3 Standard, first 50 TB a month.
	s3StandardPerGBMonth = 0.023
	// CodeBuild on-demand, general1.small Linux, per build minute.
	codeBuildSmallPerMinute = 0.005
	// CodePipeline V2, per action execution minute.
	codePipelineV2PerActionMinute = 0.002
	snsPublishPerMillion          = 0.50
	snsFIFOPerMillion             = 0.30
	sqsStandardPerMillion         = 0.40
	sqsFIFOPerMillion             = 0.50
	gp3PerGBMonth                 = 0.08
	gp2PerGBMonth                 = 0.10
	// EC2 detailed monitoring publishes seven metrics per instance at
	// one-minute resolution, each billed as a custom metric.
	detailedMonitoringMetrics = 7
	metricMonthly             = 0.30
	targetTrackingAlarms      = 2

	// RDS storage (aws.amazon.com/rds/pricing): gp3 and gp2 cost the same
	// per GB-month; a Multi-AZ instance pays for its standby's copy too.
	// Backup storage beyond the provisioned size is only mentioned in a
	// note, since what backups hold depends on use.
	rdsStoragePerGBMonth = 0.115
	rdsBackupPerGBMonth  = 0.095
	// A Secrets Manager secret, such as a managed master password, and
	// each of its replicas in another region
	// (aws.amazon.com/secrets-manager/pricing).
	secretMonthly = 0.40
	// Route 53 health checks of AWS endpoints, and each optional feature
	// (HTTPS, string matching, fast interval) on one
	// (aws.amazon.com/route53/pricing). Route 53 is a global service.
	healthCheckMonthly        = 0.50
	healthCheckNonAWSMonthly  = 0.75
	healthCheckFeatureMonthly = 1.00
	// Data transfer from a US region to another region, which is what S3
	// replication to another region pays per GB copied.
	interRegionPerGB = 0.02
)

// dbInstanceHourly is the us-east-1 On-Demand price of each RDS for
// PostgreSQL DB instance class, Single-AZ, in USD per hour. RDS prices do
// not scale with size as evenly as EC2's, so the table lists classes
// rather than families. RDS for MySQL costs the same for the t4g classes
// and a few percent less for the others; the estimate uses these figures
// for both engines, which errs on the high side for MySQL.
func dbInstanceHourly() map[string]float64 {
	return map[string]float64{
		"db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065, "db.t4g.large": 0.129,
		"db.m6g.large": 0.152, "db.m7g.large": 0.168, "db.r6g.large": 0.225,
	}
}

// DBInstanceClasses lists the DB instance classes with a price, sorted.
func DBInstanceClasses() []string {
	var names []string
	for name := range dbInstanceHourly() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// DBInstanceHourlyUSD returns the us-east-1 Single-AZ On-Demand price of a
// DB instance class such as "db.t4g.micro".
func DBInstanceHourlyUSD(class string) (float64, error) {
	price, ok := dbInstanceHourly()[class]
	if !ok {
		return 0, fmt.Errorf("no price for DB instance class %q (priced classes: %s)", class, strings.Join(DBInstanceClasses(), ", "))
	}
	return price, nil
}

// SpotShare is the fraction of the On-Demand price assumed for Spot
// capacity. AWS advertises discounts of up to 90%, but the real price moves
// with demand per pool; 40% of On-Demand (a 60% discount) is closer to what
// common general-purpose pools have charged and errs on the high side.
const SpotShare = 0.40

// largeHourly is the us-east-1 Linux On-Demand price of each family's
// large size, in USD per hour. Within a family EC2 prices scale with size
// (see sizeMultiplier), so one number per family is enough.
func largeHourly() map[string]float64 {
	return map[string]float64{
		"t3": 0.0832, "t3a": 0.0752, "t4g": 0.0672,
		"m5": 0.096, "m5a": 0.086, "m6i": 0.096, "m6a": 0.0864, "m7i": 0.1008, "m7a": 0.11592,
		"c5": 0.085, "c5a": 0.077, "c6i": 0.085, "c6a": 0.0765, "c7i": 0.08925,
		"r5": 0.126, "r5a": 0.113, "r6i": 0.126, "r6a": 0.1134, "r7i": 0.1323,
		"m6g": 0.077, "m7g": 0.0816, "c6g": 0.068, "c7g": 0.0725, "r6g": 0.1008, "r7g": 0.1071,
	}
}

// sizeMultiplier is each size's price relative to large. The sub-medium
// sizes exist only in the burstable families.
func sizeMultiplier() map[string]float64 {
	return map[string]float64{
		"nano": 1.0 / 16, "micro": 1.0 / 8, "small": 1.0 / 4, "medium": 0.5,
		"large": 1, "xlarge": 2, "2xlarge": 4, "4xlarge": 8, "8xlarge": 16,
		"12xlarge": 24, "16xlarge": 32, "24xlarge": 48, "32xlarge": 64,
	}
}

// Families lists the instance families with a price, sorted.
func Families() []string {
	var names []string
	for name := range largeHourly() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// InstanceHourlyUSD returns the us-east-1 Linux On-Demand price of an
// instance type such as "m5.xlarge".
func InstanceHourlyUSD(instanceType string) (float64, error) {
	family, size, ok := strings.Cut(instanceType, ".")
	large, known := largeHourly()[family]
	if !ok || !known {
		return 0, fmt.Errorf("no price for instance type %q: its family is not in the price table (priced families: %s)", instanceType, strings.Join(Families(), ", "))
	}
	multiplier, known := sizeMultiplier()[size]
	if !known {
		return 0, fmt.Errorf("no price for instance type %q: size %q is not in the price table", instanceType, size)
	}
	return large * multiplier, nil
}

// SplitOnDemand is how EC2 Auto Scaling divides capacity between On-Demand
// and Spot in a mixed instances policy: the base first, then the
// percentage of the rest, a fraction of an instance rounded up in favour
// of On-Demand. It mirrors blueprints/asgspot.SplitAt, which this package
// may not import; a test there checks that the two agree.
func SplitOnDemand(capacity, onDemandBase, onDemandPercent int) (onDemand, spot int) {
	base := min(capacity, onDemandBase)
	above := capacity - base
	onDemand = base + (above*onDemandPercent+99)/100
	return onDemand, capacity - onDemand
}

// regionPrice is a region's NAT gateway hourly price, the yardstick for
// its factor. borrowed names the region whose price stands in when none
// was recorded for this one.
type regionPrice struct {
	natHourly float64
	borrowed  string
}

// regionNATHourly holds the NAT gateway hourly price of every region
// scaffold accepts. The NAT gateway is the charge every VPC blueprint
// pays, so its ratio to us-east-1 is a reasonable single yardstick; other
// services differ by a few percent either way, which is why estimates call
// the factor approximate.
func regionNATHourly() map[string]regionPrice {
	return map[string]regionPrice{
		"af-south-1":     {natHourly: 0.060},
		"ap-east-1":      {natHourly: 0.065},
		"ap-east-2":      {natHourly: 0.065, borrowed: "ap-east-1"},
		"ap-northeast-1": {natHourly: 0.062},
		"ap-northeast-2": {natHourly: 0.059},
		"ap-northeast-3": {natHourly: 0.062},
		"ap-south-1":     {natHourly: 0.056},
		"ap-south-2":     {natHourly: 0.056},
		"ap-southeast-1": {natHourly: 0.059},
		"ap-southeast-2": {natHourly: 0.059},
		"ap-southeast-3": {natHourly: 0.059},
		"ap-southeast-4": {natHourly: 0.059},
		"ap-southeast-5": {natHourly: 0.059, borrowed: "ap-southeast-1"},
		"ap-southeast-7": {natHourly: 0.059, borrowed: "ap-southeast-1"},
		"ca-central-1":   {natHourly: 0.050},
		"ca-west-1":      {natHourly: 0.050},
		"eu-central-1":   {natHourly: 0.052},
		"eu-central-2":   {natHourly: 0.0572},
		"eu-north-1":     {natHourly: 0.046},
		"eu-south-1":     {natHourly: 0.050},
		"eu-south-2":     {natHourly: 0.048},
		"eu-west-1":      {natHourly: 0.048},
		"eu-west-2":      {natHourly: 0.050},
		"eu-west-3":      {natHourly: 0.050},
		"il-central-1":   {natHourly: 0.050},
		"me-central-1":   {natHourly: 0.054, borrowed: "me-south-1"},
		"me-south-1":     {natHourly: 0.054},
		"mx-central-1":   {natHourly: 0.050, borrowed: "ca-central-1"},
		"sa-east-1":      {natHourly: 0.093},
		"us-east-1":      {natHourly: 0.045},
		"us-east-2":      {natHourly: 0.045},
		"us-west-1":      {natHourly: 0.048},
		"us-west-2":      {natHourly: 0.045},
	}
}

// Regions lists the regions with a price factor, sorted.
func Regions() []string {
	var names []string
	for name := range regionNATHourly() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// RegionFactor returns the multiplier from us-east-1 prices to region's:
// the ratio of the two NAT gateway hourly prices, rounded to the nearest
// 0.05 so that it does not pretend to more precision than one yardstick
// gives. ok is false for a region scaffold does not know.
func RegionFactor(region string) (factor float64, ok bool) {
	price, ok := regionNATHourly()[region]
	if !ok {
		return 0, false
	}
	return math.Round(price.natHourly/natGatewayHourly*20) / 20, true
}

package cost

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// rule says how a kind is priced. price adds the component's lines (and
// any notes); a kind without one, or whose price added no line, is listed
// as free for the reason in free. The coverage test requires every
// graph.Kind to have one or the other, so adding a kind (an S3 bucket, an
// RDS instance) means adding one entry here.
type rule struct {
	price func(p *pricer, c *graph.Component) error
	free  freeItem
}

// Reasons things are free, shared so the estimate can group them.
const (
	noCharge         = "no charge"
	networkFree      = "no charge for the network itself; traffic leaving it is data transfer, which this estimate leaves out"
	endpointFree     = "no hourly or per-GB charge, which is why they are on by default"
	iamFree          = "IAM is free"
	flowLogFree      = "the flow log itself is free; its records are billed as log ingestion on the log group"
	subscriptionFree = "no charge for subscriptions; SNS delivers to SQS queues for free"
	launchFree       = "no charge; the instances and volumes it launches are priced on the Auto Scaling group"
	scalingFree      = "no charge for scaling actions themselves"
	listenerFree     = "included in the load balancer's hourly and LCU charges"
	codeDeployFree   = "no charge for deployments to EC2 instances"
	// Versioning itself is free, but every old version it keeps is
	// stored (and billed) like any object; the note on buckets says so.
	bucketSettingFree = "no charge for versioning, encryption, public access and ownership settings themselves"
	// Alias records are answered for free when they point at AWS
	// resources; the hosted zone itself is not part of any graph.
	secretVersionFree = "included in the secret's monthly price"
	recordFree        = "no charge for queries to alias records of AWS resources; the hosted zone ($0.50 a month) and other queries are billed with the zone, which the deployment does not create"
)

func rules() map[graph.Kind]rule {
	return map[graph.Kind]rule{
		graph.KindVPC:                       {free: freeItem{"VPC", networkFree}},
		graph.KindSubnet:                    {free: freeItem{"subnets", networkFree}},
		graph.KindInternetGateway:           {free: freeItem{"internet gateway", networkFree}},
		graph.KindRouteTable:                {free: freeItem{"route tables", networkFree}},
		graph.KindRoute:                     {free: freeItem{"routes", networkFree}},
		graph.KindRouteTableAssociation:     {free: freeItem{"route table associations", networkFree}},
		graph.KindVPCGatewayEndpoint:        {free: freeItem{"S3/DynamoDB gateway endpoints", endpointFree}},
		graph.KindDefaultSecurityGroup:      {free: freeItem{"default security group", noCharge}},
		graph.KindSecurityGroup:             {free: freeItem{"security groups", noCharge}},
		graph.KindSecurityGroupIngress:      {free: freeItem{"security group rules", noCharge}},
		graph.KindSecurityGroupEgress:       {free: freeItem{"security group rules", noCharge}},
		graph.KindIAMRole:                   {free: freeItem{"IAM roles", iamFree}},
		graph.KindIAMRolePolicy:             {free: freeItem{"IAM policies", iamFree}},
		graph.KindIAMRolePolicyAttachment:   {free: freeItem{"IAM policies", iamFree}},
		graph.KindIAMInstanceProfile:        {free: freeItem{"instance profiles", iamFree}},
		graph.KindFlowLog:                   {free: freeItem{"VPC flow log", flowLogFree}},
		graph.KindSNSTopicPolicy:            {free: freeItem{"topic policies", noCharge}},
		graph.KindSQSQueuePolicy:            {free: freeItem{"queue policies", noCharge}},
		graph.KindSNSSubscription:           {price: priceSubscription, free: freeItem{"subscriptions", subscriptionFree}},
		graph.KindLaunchTemplate:            {free: freeItem{"launch template", launchFree}},
		graph.KindAutoScalingSchedule:       {free: freeItem{"scheduled actions", scalingFree}},
		graph.KindAutoScalingPolicy:         {price: priceScalingPolicy, free: freeItem{"scaling policies", scalingFree}},
		graph.KindLBTargetGroup:             {free: freeItem{"target groups", listenerFree}},
		graph.KindLBListener:                {free: freeItem{"listeners", listenerFree}},
		graph.KindCodeDeployApp:             {free: freeItem{"CodeDeploy", codeDeployFree}},
		graph.KindCodeDeployDeploymentGroup: {free: freeItem{"CodeDeploy", codeDeployFree}},
		graph.KindS3BucketVersioning:        {free: freeItem{"bucket settings", bucketSettingFree}},
		graph.KindS3BucketEncryption:        {free: freeItem{"bucket settings", bucketSettingFree}},
		graph.KindS3BucketPublicAccessBlock: {free: freeItem{"bucket settings", bucketSettingFree}},
		graph.KindS3BucketOwnershipControls: {free: freeItem{"bucket settings", bucketSettingFree}},
		graph.KindS3BucketPolicy:            {free: freeItem{"bucket policies", noCharge}},
		graph.KindDBSubnetGroup:             {free: freeItem{"DB subnet groups", noCharge}},
		graph.KindRoute53Record:             {free: freeItem{"DNS records", recordFree}},
		graph.KindSecretVersion:             {free: freeItem{"secret versions", secretVersionFree}},

		graph.KindNATGateway:       {price: priceNATGateway},
		graph.KindElasticIP:        {price: priceElasticIP},
		graph.KindLoadBalancer:     {price: priceLoadBalancer},
		graph.KindAutoScalingGroup: {price: priceAutoScalingGroup},
		graph.KindKMSKey:           {price: priceKMSKey},
		graph.KindMetricAlarm:      {price: priceMetricAlarm},
		graph.KindLogGroup:         {price: priceLogGroup},
		graph.KindSNSTopic:         {price: priceSNSTopic},
		graph.KindSQSQueue:         {price: priceSQSQueue},
		graph.KindS3Bucket:         {price: priceS3Bucket},
		graph.KindCodeBuildProject: {price: priceCodeBuildProject},
		graph.KindCodePipeline:     {price: priceCodePipeline},

		graph.KindDBInstance:          {price: priceDBInstance},
		graph.KindS3BucketReplication: {price: priceS3Replication},
		graph.KindRoute53HealthCheck:  {price: priceHealthCheck},
		graph.KindSecret:              {price: priceSecret},
	}
}

// publicIPv4Item is shared by Elastic IPs and load balancer addresses so
// Drivers adds them up: they are the same charge.
const publicIPv4Item = "public IPv4 address hours"

func priceNATGateway(p *pricer, c *graph.Component) error {
	p.line(c, "NAT gateway hours", p.a.HoursPerMonth, "hour", natGatewayHourly, regional)
	p.line(c, "NAT gateway data processed", p.a.GBPerMonth, "GB", natGatewayPerGB, regional)
	return nil
}

func priceElasticIP(p *pricer, c *graph.Component) error {
	p.line(c, publicIPv4Item, p.a.HoursPerMonth, "hour", publicIPv4Hourly, uniform)
	return nil
}

func priceLoadBalancer(p *pricer, c *graph.Component) error {
	if t, ok := c.Property("load_balancer_type").(graph.String); ok && t != "application" {
		return fmt.Errorf("no price for load balancer type %q; only application load balancers are priced", string(t))
	}
	p.line(c, "load balancer hours", p.a.HoursPerMonth, "hour", albHourly, regional)
	// One LCU covers 1 GB an hour to EC2 targets, so a month's LCU-hours
	// from bytes alone equal the GB processed, however they spread over
	// the hours.
	p.line(c, "load balancer LCU-hours", p.a.GBPerMonth, "LCU-hour", albLCUHourly, regional)
	p.note("Load balancer capacity units are estimated from processed bytes alone (1 LCU is 1 GB an hour to EC2 targets); many new or long-lived connections, or many rule evaluations, use more LCUs than the bytes suggest.")
	// AWS's default for a missing internal flag is internet-facing.
	if internal, _ := c.Property("internal").(graph.Bool); !internal {
		subnets, ok := c.Property("subnets").(graph.List)
		if !ok {
			return fmt.Errorf("an internet-facing load balancer needs its subnets listed to count its public IPv4 addresses")
		}
		p.line(c, publicIPv4Item, float64(len(subnets))*p.a.HoursPerMonth, "hour", publicIPv4Hourly, uniform)
		p.note("An internet-facing load balancer holds one public IPv4 address in each of its subnets, each billed like an Elastic IP.")
	}
	return nil
}

func priceKMSKey(p *pricer, c *graph.Component) error {
	p.line(c, "KMS key-months", 1, "key-month", kmsKeyMonthly, uniform)
	p.note("KMS keys are priced per key; requests ($0.03 per 10,000 beyond 20,000 free a month) are not estimated.")
	if rotation, _ := c.Property("enable_key_rotation").(graph.Bool); rotation {
		p.note("Automatic key rotation adds $1 a month to a key after each of its first two yearly rotations, so a key costs $1 a month in its first year and up to $3 later.")
	}
	return nil
}

func priceMetricAlarm(p *pricer, c *graph.Component) error {
	// Alarms on periods under a minute are high-resolution and cost more.
	if period, ok := c.Property("period").(graph.Int); ok && period < 60 {
		p.line(c, "CloudWatch alarm-months (high resolution)", 1, "alarm-month", alarmHighResMonthly, regional)
		return nil
	}
	p.line(c, "CloudWatch alarm-months", 1, "alarm-month", alarmStandardMonthly, regional)
	return nil
}

func priceLogGroup(p *pricer, c *graph.Component) error {
	// Log volume follows the number of connections and requests, not the
	// bytes --assume-gb describes, so it stays at 0 and the note gives the
	// prices to scale by.
	p.line(c, "log ingestion", 0, "GB", logIngestionPerGB, regional)
	p.line(c, "log storage", 0, "GB-month", logStoragePerGBMonth, regional)
	p.note("Log volume is assumed to be 0 GB: flow-log records grow with the number of connections, not with the bytes --assume-gb describes. Each GB delivered costs $0.50 to ingest and $0.03 a month to keep, for as long as the retention setting keeps it.")
	return nil
}

func priceSNSTopic(p *pricer, c *graph.Component) error {
	if fifo, _ := c.Property("fifo_topic").(graph.Bool); fifo {
		p.line(c, "SNS FIFO publishes", 0, "million requests", snsFIFOPerMillion, regional)
		p.note("SNS FIFO topics also bill the payload of each message published and delivered, per GB; it is not estimated.")
	} else {
		p.line(c, "SNS publishes", 0, "million requests", snsPublishPerMillion, regional)
	}
	p.note(requestNote)
	return nil
}

func priceSQSQueue(p *pricer, c *graph.Component) error {
	if fifo, _ := c.Property("fifo_queue").(graph.Bool); fifo {
		p.line(c, "SQS FIFO requests", 0, "million requests", sqsFIFOPerMillion, regional)
	} else {
		p.line(c, "SQS requests", 0, "million requests", sqsStandardPerMillion, regional)
	}
	p.note(requestNote)
	return nil
}

// requestNote explains the zero lines of request-priced services.
const requestNote = "SNS and SQS are priced per request and this estimate assumes none, so their lines show $0; the first million requests of each service a month are free, and SQS counts every send, receive and delete (a 64 KB chunk each)."

func priceSubscription(p *pricer, c *graph.Component) error {
	if protocol, _ := c.Property("protocol").(graph.String); protocol == "email" {
		p.note("Email notifications beyond 1,000 a month cost $2 per 100,000.")
	}
	return nil
}

func priceScalingPolicy(p *pricer, c *graph.Component) error {
	if policy, _ := c.Property("policy_type").(graph.String); policy == "TargetTrackingScaling" {
		// Auto Scaling creates and owns these alarms, but they are billed
		// like any other.
		p.line(c, "CloudWatch alarm-months", targetTrackingAlarms, "alarm-month", alarmStandardMonthly, regional)
		p.note("A target tracking policy creates two CloudWatch alarms of its own; they are billed like alarms you create.")
	}
	return nil
}

func priceAutoScalingGroup(p *pricer, c *graph.Component) error {
	desired, ok := c.Property("desired_capacity").(graph.Int)
	if !ok {
		if desired, ok = c.Property("min_size").(graph.Int); !ok {
			return fmt.Errorf("an Auto Scaling group needs desired_capacity or min_size to be priced")
		}
	}
	group := groupShape{}
	if mixed, ok := c.Property("mixed_instances_policy").(graph.Struct); ok {
		group.mixed(mixed)
	} else if spec, ok := c.Property("launch_template").(graph.Struct); ok {
		group.launchTemplate, _ = field(spec, "id").(graph.Ref)
	}
	template := p.g.Component(group.launchTemplate.Component)
	if len(group.types) == 0 && template != nil {
		if t, ok := template.Property("instance_type").(graph.String); ok {
			group.types = []string{string(t)}
		}
	}
	if len(group.types) == 0 {
		return fmt.Errorf("no instance type found on the Auto Scaling group or its launch template")
	}
	instances := int(desired)
	onDemand, spot := instances, 0
	if group.isMixed {
		onDemand, spot = SplitOnDemand(instances, group.onDemandBase, group.onDemandPercent)
	}
	first := group.types[0]
	hourly, err := InstanceHourlyUSD(first)
	if err != nil {
		return err
	}
	p.line(c, "On-Demand instance hours ("+first+")", float64(onDemand)*p.a.HoursPerMonth, "instance-hour", hourly, regional)
	if group.isMixed {
		p.line(c, "Spot instance hours ("+first+")", float64(spot)*p.a.HoursPerMonth, "instance-hour", hourly*SpotShare, regional)
		p.note(fmt.Sprintf("Spot capacity is assumed to cost %d%% of the On-Demand price. AWS advertises up to 90%% off, but Spot prices follow demand in each pool, so the real figure may be lower or higher.", int(SpotShare*100)))
	}
	if len(group.types) > 1 {
		p.note(fmt.Sprintf("The Auto Scaling group may launch any of %s; the estimate prices every instance as the first, %s.", strings.Join(group.types, ", "), first))
	}
	p.note(fmt.Sprintf("The Auto Scaling group is assumed to run its desired capacity (%d) all month; target tracking and scheduled actions move it between the minimum and the maximum.", instances))
	if strings.HasPrefix(first, "t") {
		p.note("Burstable instances (t family) start in unlimited mode: CPU use above the baseline, sustained, adds $0.05 per vCPU-hour, which the estimate leaves out.")
	}
	if template != nil {
		if err := priceLaunchedResources(p, c, template, instances); err != nil {
			return err
		}
	}
	return nil
}

// groupShape is what pricing needs from an Auto Scaling group's launch
// configuration.
type groupShape struct {
	launchTemplate                graph.Ref
	types                         []string
	isMixed                       bool
	onDemandBase, onDemandPercent int
}

func (s *groupShape) mixed(policy graph.Struct) {
	s.isMixed = true
	// AWS's default for a mixed group without a distribution is all
	// On-Demand.
	s.onDemandPercent = 100
	if template, ok := field(policy, "launch_template").(graph.Struct); ok {
		if spec, ok := field(template, "launch_template_specification").(graph.Struct); ok {
			s.launchTemplate, _ = field(spec, "launch_template_id").(graph.Ref)
		}
		overrides, _ := field(template, "override").(graph.List)
		for _, o := range overrides {
			if o, ok := o.(graph.Struct); ok {
				if t, ok := field(o, "instance_type").(graph.String); ok {
					s.types = append(s.types, string(t))
				}
			}
		}
	}
	if distribution, ok := field(policy, "instances_distribution").(graph.Struct); ok {
		if base, ok := field(distribution, "on_demand_base_capacity").(graph.Int); ok {
			s.onDemandBase = int(base)
		}
		if percent, ok := field(distribution, "on_demand_percentage_above_base_capacity").(graph.Int); ok {
			s.onDemandPercent = int(percent)
		}
	}
}

// priceLaunchedResources prices what each instance brings with it from
// its launch template: EBS volumes and detailed monitoring. They are
// lines of the group because their quantity is the group's size.
func priceLaunchedResources(p *pricer, group, template *graph.Component, instances int) error {
	mappings, _ := template.Property("block_device_mappings").(graph.List)
	for _, m := range mappings {
		mapping, _ := m.(graph.Struct)
		ebs, ok := field(mapping, "ebs").(graph.Struct)
		if !ok {
			continue
		}
		size, ok := field(ebs, "volume_size").(graph.Int)
		if !ok {
			return fmt.Errorf("launch template %q: a volume without volume_size cannot be priced", template.ID)
		}
		volumeType := "gp2" // EC2's default when a mapping names no type
		if t, ok := field(ebs, "volume_type").(graph.String); ok {
			volumeType = string(t)
		}
		var price float64
		switch volumeType {
		case "gp3":
			price = gp3PerGBMonth
		case "gp2":
			price = gp2PerGBMonth
		default:
			return fmt.Errorf("launch template %q: no price for EBS volume type %q", template.ID, volumeType)
		}
		p.line(group, volumeType+" volume storage", float64(int(size)*instances), "GB-month", price, regional)
	}
	if monitoring, ok := template.Property("monitoring").(graph.Struct); ok {
		if enabled, _ := field(monitoring, "enabled").(graph.Bool); enabled {
			p.line(group, "EC2 detailed monitoring metrics", float64(detailedMonitoringMetrics*instances), "metric-month", metricMonthly, regional)
		}
	}
	return nil
}

// field returns a nested field's value, or nil.
func field(s graph.Struct, key string) graph.Value {
	for _, f := range s {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

func priceS3Bucket(p *pricer, c *graph.Component) error {
	// What a bucket holds depends on use, not on anything --assume-gb
	// describes, so storage stays at 0 and the note gives the price.
	p.line(c, "S3 Standard storage", 0, "GB-month", s3StandardPerGBMonth, regional)
	p.note("S3 storage is assumed to be 0 GB: buckets bill $0.023 per GB-month (S3 Standard) for what they hold, old versions included when versioning is on, plus requests; KMS-encrypted objects also make KMS requests, which a bucket key keeps few.")
	return nil
}

func priceCodeBuildProject(p *pricer, c *graph.Component) error {
	p.line(c, "CodeBuild build minutes (general1.small)", 0, "minute", codeBuildSmallPerMinute, regional)
	p.note("Builds are billed per minute while they run and this estimate assumes none: a general1.small Linux build costs $0.005 a minute, so a 3-minute plan and a 3-minute apply cost about $0.03 per deployment.")
	return nil
}

func priceCodePipeline(p *pricer, c *graph.Component) error {
	p.line(c, "CodePipeline action minutes (V2)", 0, "action-minute", codePipelineV2PerActionMinute, regional)
	p.note("A V2 pipeline has no monthly fee: it bills $0.002 per minute that an action runs (the first 100 minutes a month are free), and assumes none here.")
	return nil
}

func priceDBInstance(p *pricer, c *graph.Component) error {
	class, ok := c.Property("instance_class").(graph.String)
	if !ok {
		return fmt.Errorf("a DB instance needs a literal instance_class to be priced")
	}
	hourly, err := DBInstanceHourlyUSD(string(class))
	if err != nil {
		return err
	}
	if engine, ok := c.Property("engine").(graph.String); ok && engine != "postgres" && engine != "mysql" {
		return fmt.Errorf("no price for DB engine %q; only postgres and mysql are priced", string(engine))
	}
	if engine, _ := c.Property("engine").(graph.String); engine == "mysql" {
		p.note("RDS for MySQL is priced with the PostgreSQL table: the two cost the same for the t4g classes, and MySQL a few percent less for the others.")
	}
	// A Multi-AZ instance keeps a standby, with its own copy of the
	// storage, in another Availability Zone; both are billed.
	// The item names the class alone, so that a primary and its replica
	// of one class add up in Drivers; the quantity shows the standby.
	copies := 1.0
	if multiAZ, _ := c.Property("multi_az").(graph.Bool); multiAZ {
		copies = 2
		p.note("A Multi-AZ DB instance runs a standby in a second Availability Zone: its instance hours and storage are billed twice.")
	}
	p.line(c, "RDS instance hours ("+string(class)+")", copies*p.a.HoursPerMonth, "instance-hour", hourly, regional)

	storageType := "gp2" // RDS's default without provisioned IOPS
	if t, ok := c.Property("storage_type").(graph.String); ok {
		storageType = string(t)
	}
	if storageType != "gp3" && storageType != "gp2" {
		return fmt.Errorf("no price for RDS storage type %q; only gp3 and gp2 are priced", storageType)
	}
	size, ok := dbStorage(p.g, c)
	switch {
	case ok:
	case c.Property("replicate_source_db") != nil:
		// A replica stores what its source does, and a source in another
		// stack is out of sight.
		p.note("A read replica stores as much as its source, which is in another stack: its storage line shows 0 GB. Add $0.115 per GB-month of the source's allocated storage, twice that for a Multi-AZ replica.")
	default:
		return fmt.Errorf("a DB instance needs allocated_storage (an Int) to be priced")
	}
	p.line(c, "RDS "+storageType+" storage", copies*float64(size), "GB-month", rdsStoragePerGBMonth, regional)
	if limit, ok := c.Property("max_allocated_storage").(graph.Int); ok && int(limit) > size {
		p.note(fmt.Sprintf("Storage autoscaling may grow a DB instance's storage up to %d GB; each GB it adds is billed like the first.", int(limit)))
	}
	p.note(fmt.Sprintf("RDS keeps automated backups and snapshots free up to the total storage provisioned in the region; beyond that they cost $%.3f per GB-month. A final snapshot kept after deleting a database counts too.", rdsBackupPerGBMonth))

	if managed, _ := c.Property("manage_master_user_password").(graph.Bool); managed {
		p.line(c, "Secrets Manager secret-months", 1, "secret-month", secretMonthly, uniform)
		p.note("RDS keeps a managed master password in a Secrets Manager secret, billed like any secret ($0.40 a month, and $0.05 per 10,000 API calls).")
	}
	if c.Property("replicate_source_db") != nil {
		p.note("A read replica is billed as a DB instance of its own. Replicating from another region also bills the changes it copies as data transfer out of the source region ($0.02 per GB from US regions), which this estimate leaves out.")
	}
	if enabled, _ := c.Property("performance_insights_enabled").(graph.Bool); enabled {
		if days, ok := c.Property("performance_insights_retention_period").(graph.Int); ok && days > 7 {
			p.note("Performance Insights keeps 7 days of history for free; longer retention is billed per vCPU of the instance a month, which this estimate leaves out.")
		}
	}
	return nil
}

// dbStorage is a DB instance's allocated storage in GB: its own, or, for a
// read replica without one, its source's when the source is in the graph.
func dbStorage(g *graph.Graph, c *graph.Component) (int, bool) {
	if size, ok := c.Property("allocated_storage").(graph.Int); ok {
		return int(size), true
	}
	if source, ok := c.Property("replicate_source_db").(graph.Ref); ok {
		if s := g.Component(source.Component); s != nil {
			if size, ok := s.Property("allocated_storage").(graph.Int); ok {
				return int(size), true
			}
		}
	}
	return 0, false
}

func priceS3Replication(p *pricer, c *graph.Component) error {
	// How much a bucket receives depends on use, not on anything
	// --assume-gb describes (NAT gateway and load balancer traffic), so
	// the transfer stays at 0 GB and the note gives the price.
	p.line(c, "S3 replication transfer to another region", 0, "GB", interRegionPerGB, regional)
	p.note("S3 replication is assumed to copy 0 GB: each GB copied to another region costs $0.02 in data transfer (from US regions), and the copies are stored and written (PUT requests) at the destination bucket's prices.")
	return nil
}

func priceHealthCheck(p *pricer, c *graph.Component) error {
	p.line(c, "Route 53 health check-months", 1, "check-month", healthCheckMonthly, uniform)
	p.note(fmt.Sprintf("Route 53 health checks are priced as checks of AWS endpoints (a load balancer, say): $%.2f a month each. A check of an endpoint outside AWS costs $%.2f.", healthCheckMonthly, healthCheckNonAWSMonthly))
	// Each optional feature is a charge of its own on the check.
	checkType, _ := c.Property("type").(graph.String)
	if strings.HasPrefix(string(checkType), "HTTPS") {
		p.line(c, "Route 53 health check HTTPS", 1, "check-month", healthCheckFeatureMonthly, uniform)
	}
	if strings.HasSuffix(string(checkType), "_STR_MATCH") {
		p.line(c, "Route 53 health check string matching", 1, "check-month", healthCheckFeatureMonthly, uniform)
	}
	if interval, ok := c.Property("request_interval").(graph.Int); ok && interval < 30 {
		p.line(c, "Route 53 health check fast interval", 1, "check-month", healthCheckFeatureMonthly, uniform)
	}
	return nil
}

func priceSecret(p *pricer, c *graph.Component) error {
	p.line(c, "Secrets Manager secret-months", 1, "secret-month", secretMonthly, uniform)
	if replicas, _ := c.Property("replica").(graph.List); len(replicas) > 0 {
		p.line(c, "Secrets Manager replica secret-months", float64(len(replicas)), "secret-month", secretMonthly, uniform)
	}
	p.note("A Secrets Manager secret costs $0.40 a month, and each replica in another region $0.40 more; API calls ($0.05 per 10,000) are not estimated.")
	return nil
}

package fanout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Component IDs of the shared parts.
const (
	topicID           = "topic"
	topicPolicyID     = "topic_policy"
	topicKeyID        = "topic_key"
	queueKeyID        = "queue_key"
	alarmKeyID        = "alarm_key"
	alarmTopicID      = "alarm_topic"
	alarmPolicyID     = "alarm_topic_policy"
	alarmEmailID      = "alarm_email_subscription"
	dlqRetention      = 14 * blueprints.Day
	longPollSeconds   = 20
	keyReuseSeconds   = 300
	keyDeletionWindow = 30
	alarmPeriod       = 300
)

// consumer names the components of one queue.
type consumer struct {
	// Short is the name the user gave ("search-index").
	Short string
	// Prefix is the snake_case prefix of the IDs ("search_index").
	Prefix string
}

// The component IDs of one consumer's parts.
func (q consumer) queueID() string        { return q.Prefix + "_queue" }
func (q consumer) dlqID() string          { return q.Prefix + "_dlq" }
func (q consumer) queuePolicyID() string  { return q.Prefix + "_queue_policy" }
func (q consumer) dlqPolicyID() string    { return q.Prefix + "_dlq_policy" }
func (q consumer) subscriptionID() string { return q.Prefix + "_subscription" }
func (q consumer) alarmID() string        { return q.Prefix + "_dlq_alarm" }

// queues returns the consumers of p in flag order.
func (p Params) queues() []consumer {
	out := make([]consumer, len(p.Queues))
	for i, short := range p.Queues {
		out[i] = consumer{Short: short, Prefix: componentPrefix(short)}
	}
	return out
}

// Build validates p and returns the fan-out as a graph.
func Build(p Params) (*graph.Graph, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	g := &graph.Graph{
		Name:        p.Name,
		Blueprint:   "fanout",
		Description: describe(p),
		Region:      p.Region,
		Parameters:  []graph.Parameter{blueprints.NameParameter(p.Name)},
		Tags:        blueprints.StandardTags("fanout", p.Name, p.Tags),
	}
	filters := map[string]Filter{}
	for _, f := range p.Filters {
		filters[f.Queue] = f
	}

	if p.KMS {
		g.Add(key(topicKeyID, "KMS key that encrypts the topic", "Encrypts messages at rest in the "+p.Topic+" topic."),
			key(queueKeyID, "KMS key that encrypts the queues", "Encrypts messages at rest in the fan-out queues; SNS may use it to deliver.", "sns.amazonaws.com"))
	}
	if p.AlarmEmail != "" {
		// CloudWatch can publish only to topics whose key policy lets it,
		// which rules out the AWS-managed SNS key: the alarm topic always
		// gets a customer-managed key.
		g.Add(key(alarmKeyID, "KMS key that encrypts the alarm topic", "Encrypts alarm notifications; CloudWatch may use it to publish.", "cloudwatch.amazonaws.com"))
		g.Add(graph.Component{
			ID: alarmTopicID, Kind: graph.KindSNSTopic, Group: "alarms", Label: "topic for dead-letter alarms",
			Name: blueprints.Named("alarms"),
			Properties: []graph.Property{
				{Name: "name", Value: blueprints.Named("alarms")},
				{Name: "kms_master_key_id", Value: graph.RefARN(alarmKeyID)},
			},
		}, graph.Component{
			ID: alarmPolicyID, Kind: graph.KindSNSTopicPolicy, Group: "alarms", Label: "alarm topic policy: CloudWatch of this account publishes, TLS only",
			Properties: []graph.Property{
				{Name: "arn", Value: graph.RefARN(alarmTopicID)},
				{Name: "policy", Value: topicPolicy(alarmTopicID, true)},
			},
		}, graph.Component{
			ID: alarmEmailID, Kind: graph.KindSNSSubscription, Group: "alarms", Label: "email subscription to the alarms (needs confirming)",
			Properties: []graph.Property{
				{Name: "topic_arn", Value: graph.RefARN(alarmTopicID)},
				{Name: "protocol", Value: graph.String("email")},
				{Name: "endpoint", Value: graph.String(p.AlarmEmail)},
			},
		})
	}

	topicProperties := []graph.Property{{Name: "name", Value: blueprints.Named(p.Topic + p.suffix())}}
	if p.FIFO {
		topicProperties = append(topicProperties, graph.Property{Name: "fifo_topic", Value: graph.Bool(true)})
		if p.ContentDedup {
			topicProperties = append(topicProperties, graph.Property{Name: "content_based_deduplication", Value: graph.Bool(true)})
		}
	}
	if p.KMS {
		topicProperties = append(topicProperties, graph.Property{Name: "kms_master_key_id", Value: graph.RefARN(topicKeyID)})
	} else {
		// The AWS-managed SNS key: encrypted at rest with nothing to
		// manage, at the price that other AWS services cannot publish.
		topicProperties = append(topicProperties, graph.Property{Name: "kms_master_key_id", Value: graph.String("alias/aws/sns")})
	}
	topic := graph.Component{
		ID: topicID, Kind: graph.KindSNSTopic, Group: "topic", Label: "SNS topic " + p.Topic,
		Name: blueprints.Named(p.Topic), Properties: topicProperties,
	}
	if !p.KMS {
		topic.Waivers = []graph.Waiver{{Rule: graph.RuleCustomerManagedKey,
			Reason: "by default the topic is encrypted with the AWS-managed key alias/aws/sns, which needs no key management; --kms switches to a customer-managed key."}}
	}
	g.Add(topic, graph.Component{
		ID: topicPolicyID, Kind: graph.KindSNSTopicPolicy, Group: "topic", Label: "topic policy: this account only, TLS only",
		Properties: []graph.Property{
			{Name: "arn", Value: graph.RefARN(topicID)},
			{Name: "policy", Value: topicPolicy(topicID, false)},
		},
	})

	for _, q := range p.queues() {
		addQueue(g, p, q, filters[q.Short])
	}
	addOutputs(g, p)
	g.Docs = docs(p)
	g.About = about(p)
	explain(g, p)
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("fanout blueprint built an inconsistent graph: %w", err)
	}
	return g, nil
}

func addQueue(g *graph.Graph, p Params, q consumer, filter Filter) {
	encryption := func() []graph.Property {
		if p.KMS {
			return []graph.Property{
				{Name: "kms_master_key_id", Value: graph.RefARN(queueKeyID)},
				// Reusing a data key for five minutes keeps KMS calls (and
				// their cost) low without weakening the encryption.
				{Name: "kms_data_key_reuse_period_seconds", Value: graph.Int(keyReuseSeconds)},
			}
		}
		return []graph.Property{{Name: "sqs_managed_sse_enabled", Value: graph.Bool(true)}}
	}
	fifo := func() []graph.Property {
		if !p.FIFO {
			return nil
		}
		props := []graph.Property{{Name: "fifo_queue", Value: graph.Bool(true)}}
		if p.ContentDedup {
			props = append(props, graph.Property{Name: "content_based_deduplication", Value: graph.Bool(true)})
		}
		return props
	}
	group := "queue " + q.Short

	dlq := []graph.Property{{Name: "name", Value: blueprints.Named(q.Short + "-dlq" + p.suffix())}}
	dlq = append(dlq, fifo()...)
	dlq = append(dlq, graph.Property{Name: "message_retention_seconds", Value: graph.Int(int64(dlqRetention / time.Second))})
	dlq = append(dlq, encryption()...)

	queue := []graph.Property{{Name: "name", Value: blueprints.Named(q.Short + p.suffix())}}
	queue = append(queue, fifo()...)
	queue = append(queue,
		graph.Property{Name: "visibility_timeout_seconds", Value: graph.Int(int64(p.VisibilityTimeout / time.Second))},
		graph.Property{Name: "message_retention_seconds", Value: graph.Int(int64(p.Retention / time.Second))},
		// Long polling: consumers wait up to 20 s for messages instead of
		// paying for empty receives.
		graph.Property{Name: "receive_wait_time_seconds", Value: graph.Int(longPollSeconds)},
	)
	queue = append(queue, encryption()...)
	queue = append(queue, graph.Property{Name: "redrive_policy", Value: graph.Document{
		{Key: "deadLetterTargetArn", Value: graph.RefARN(q.dlqID())},
		{Key: "maxReceiveCount", Value: graph.Int(p.MaxReceive)},
	}})

	subscription := []graph.Property{
		{Name: "topic_arn", Value: graph.RefARN(topicID)},
		{Name: "protocol", Value: graph.String("sqs")},
		{Name: "endpoint", Value: graph.RefARN(q.queueID())},
		{Name: "raw_message_delivery", Value: graph.Bool(p.RawDelivery)},
	}
	if filter.Policy != "" {
		// Validate already proved the policy parses.
		doc, _ := FilterDocument(filter.Policy)
		scope := "MessageAttributes"
		if p.FilterScope == ScopeBody {
			scope = "MessageBody"
		}
		subscription = append(subscription,
			graph.Property{Name: "filter_policy", Value: doc},
			graph.Property{Name: "filter_policy_scope", Value: graph.String(scope)})
	}

	alarm := []graph.Property{
		{Name: "alarm_name", Value: blueprints.Named(q.Short + "-dlq-not-empty")},
		{Name: "alarm_description", Value: graph.String(fmt.Sprintf("Messages reached the dead-letter queue of %s: a consumer failed each of them %d times.", q.Short, p.MaxReceive))},
		{Name: "namespace", Value: graph.String("AWS/SQS")},
		{Name: "metric_name", Value: graph.String("ApproximateNumberOfMessagesVisible")},
		{Name: "dimensions", Value: graph.Object{{Key: "QueueName", Value: graph.Ref{Component: q.dlqID(), Attr: graph.AttrName}}}},
		{Name: "statistic", Value: graph.String("Maximum")},
		{Name: "period", Value: graph.Int(alarmPeriod)},
		{Name: "evaluation_periods", Value: graph.Int(1)},
		{Name: "threshold", Value: graph.Int(0)},
		{Name: "comparison_operator", Value: graph.String("GreaterThanThreshold")},
		{Name: "treat_missing_data", Value: graph.String("notBreaching")},
	}
	if p.AlarmEmail != "" {
		alarm = append(alarm,
			graph.Property{Name: "alarm_actions", Value: graph.List{graph.RefARN(alarmTopicID)}},
			graph.Property{Name: "ok_actions", Value: graph.List{graph.RefARN(alarmTopicID)}})
	}

	g.Add(graph.Component{
		ID: q.dlqID(), Kind: graph.KindSQSQueue, Group: group, Label: "dead-letter queue of " + q.Short,
		Name: blueprints.Named(q.Short + "-dlq"), Properties: dlq,
	}, graph.Component{
		ID: q.queueID(), Kind: graph.KindSQSQueue, Group: group, Label: "queue " + q.Short,
		Name: blueprints.Named(q.Short), Properties: queue,
	}, graph.Component{
		ID: q.dlqPolicyID(), Kind: graph.KindSQSQueuePolicy, Group: group, Label: "dead-letter queue policy: TLS only",
		Properties: []graph.Property{
			{Name: "queue_url", Value: graph.Ref{Component: q.dlqID(), Attr: graph.AttrURL}},
			{Name: "policy", Value: queuePolicy(q.dlqID(), false)},
		},
	}, graph.Component{
		ID: q.queuePolicyID(), Kind: graph.KindSQSQueuePolicy, Group: group, Label: "queue policy: only the topic sends, TLS only",
		Properties: []graph.Property{
			{Name: "queue_url", Value: graph.Ref{Component: q.queueID(), Attr: graph.AttrURL}},
			{Name: "policy", Value: queuePolicy(q.queueID(), true)},
		},
	}, graph.Component{
		ID: q.subscriptionID(), Kind: graph.KindSNSSubscription, Group: group, Label: "subscription of " + q.Short + " to the topic",
		Properties: subscription,
		// SNS confirms an SQS subscription by sending to the queue, which
		// works only once the queue policy lets the topic in.
		DependsOn: []string{q.queuePolicyID()},
	}, graph.Component{
		ID: q.alarmID(), Kind: graph.KindMetricAlarm, Group: group, Label: "alarm: dead-letter queue of " + q.Short + " not empty",
		Name: blueprints.Named(q.Short + "-dlq-not-empty"), Properties: alarm,
	})
}

// key is a customer-managed KMS key whose policy lets the account manage it
// through IAM and lets the given AWS services of this account use it.
func key(id, label, description string, services ...string) graph.Component {
	statements := graph.List{graph.Object{
		{Key: "Sid", Value: graph.String("AccountAdministersKeyThroughIAM")},
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: blueprints.AccountRoot()}}},
		{Key: "Action", Value: graph.String("kms:*")},
		{Key: "Resource", Value: graph.String("*")},
	}}
	if len(services) > 0 {
		// Naming the services and the account, not the topic, keeps the
		// key independent of the resources it encrypts: no dependency
		// cycle between a topic and its key.
		statement := graph.Object{
			{Key: "Sid", Value: graph.String("ServicesUseKey")},
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.Strings(services...)}}},
			{Key: "Action", Value: graph.Strings("kms:GenerateDataKey*", "kms:Decrypt")},
			{Key: "Resource", Value: graph.String("*")},
		}
		// SNS documents aws:SourceAccount on its KMS calls, so the queue key
		// is limited to this account's SNS. CloudWatch does not document it
		// for alarm notifications; AWS's own statement for alarm topics has
		// no condition, and adding one risks alarms that silently fail.
		if !slices.Contains(services, "cloudwatch.amazonaws.com") {
			statement = append(statement, graph.Field{Key: "Condition", Value: graph.Object{{Key: "StringEquals", Value: graph.Object{{Key: "aws:SourceAccount", Value: graph.PseudoAccountID}}}}})
		}
		statements = append(statements, statement)
	}
	return graph.Component{
		ID: id, Kind: graph.KindKMSKey, Group: "encryption", Label: label,
		Name: blueprints.Named(strings.ReplaceAll(id, "_", "-")),
		Properties: []graph.Property{
			{Name: "description", Value: graph.String(description)},
			{Name: "enable_key_rotation", Value: graph.Bool(true)},
			{Name: "deletion_window_in_days", Value: graph.Int(keyDeletionWindow)},
			{Name: "policy", Value: graph.Document{
				{Key: "Version", Value: graph.String("2012-10-17")},
				{Key: "Statement", Value: statements},
			}},
		},
	}
}

// topicPolicy replaces a topic's default policy: the owning account may use
// and manage the topic, CloudWatch alarms of the account may publish when
// allowCloudWatch is set, and nobody may publish without TLS.
func topicPolicy(topic string, allowCloudWatch bool) graph.Document {
	statements := graph.List{graph.Object{
		{Key: "Sid", Value: graph.String("AccountUsesTopic")},
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: blueprints.AccountRoot()}}},
		{Key: "Action", Value: graph.Strings("sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:AddPermission", "sns:RemovePermission", "sns:DeleteTopic")},
		{Key: "Resource", Value: graph.RefARN(topic)},
	}}
	if allowCloudWatch {
		statements = append(statements, graph.Object{
			{Key: "Sid", Value: graph.String("CloudWatchAlarmsPublish")},
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("cloudwatch.amazonaws.com")}}},
			{Key: "Action", Value: graph.String("sns:Publish")},
			{Key: "Resource", Value: graph.RefARN(topic)},
			{Key: "Condition", Value: graph.Object{
				{Key: "StringEquals", Value: graph.Object{{Key: "aws:SourceAccount", Value: graph.PseudoAccountID}}},
				{Key: "ArnLike", Value: graph.Object{{Key: "aws:SourceArn", Value: blueprints.ARN("cloudwatch", true, graph.String("alarm:*"))}}},
			}},
		})
	}
	statements = append(statements, denyInsecure("sns:Publish", graph.RefARN(topic)))
	return graph.Document{{Key: "Version", Value: graph.String("2012-10-17")}, {Key: "Statement", Value: statements}}
}

// queuePolicy lets the topic (and only the topic) send when allowTopic is
// set, and denies every request without TLS.
func queuePolicy(queue string, allowTopic bool) graph.Document {
	var statements graph.List
	if allowTopic {
		statements = append(statements, graph.Object{
			{Key: "Sid", Value: graph.String("TopicSendsMessages")},
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("sns.amazonaws.com")}}},
			{Key: "Action", Value: graph.String("sqs:SendMessage")},
			{Key: "Resource", Value: graph.RefARN(queue)},
			{Key: "Condition", Value: graph.Object{{Key: "ArnEquals", Value: graph.Object{{Key: "aws:SourceArn", Value: graph.RefARN(topicID)}}}}},
		})
	}
	statements = append(statements, denyInsecure("sqs:*", graph.RefARN(queue)))
	return graph.Document{{Key: "Version", Value: graph.String("2012-10-17")}, {Key: "Statement", Value: statements}}
}

func denyInsecure(action string, resource graph.Value) graph.Object {
	return graph.Object{
		{Key: "Sid", Value: graph.String("DenyWithoutTLS")},
		{Key: "Effect", Value: graph.String("Deny")},
		{Key: "Principal", Value: graph.String("*")},
		{Key: "Action", Value: graph.String(action)},
		{Key: "Resource", Value: resource},
		{Key: "Condition", Value: graph.Object{{Key: "Bool", Value: graph.Object{{Key: "aws:SecureTransport", Value: graph.String("false")}}}}},
	}
}

func addOutputs(g *graph.Graph, p Params) {
	g.Outputs = append(g.Outputs,
		graph.Output{Name: "topic_arn", Description: "ARN of the topic producers publish to.", Value: graph.RefARN(topicID)},
		graph.Output{Name: "topic_name", Description: "Name of the topic.", Value: graph.Ref{Component: topicID, Attr: graph.AttrName}},
	)
	for _, q := range p.queues() {
		g.Outputs = append(g.Outputs,
			graph.Output{Name: q.Prefix + "_queue_url", Description: fmt.Sprintf("URL the %s consumer receives from.", q.Short), Value: graph.Ref{Component: q.queueID(), Attr: graph.AttrURL}},
			graph.Output{Name: q.Prefix + "_queue_arn", Description: fmt.Sprintf("ARN of the %s queue.", q.Short), Value: graph.RefARN(q.queueID())},
			graph.Output{Name: q.Prefix + "_dlq_arn", Description: fmt.Sprintf("ARN of the %s dead-letter queue.", q.Short), Value: graph.RefARN(q.dlqID())},
		)
	}
	if p.AlarmEmail != "" {
		g.Outputs = append(g.Outputs, graph.Output{Name: "alarm_topic_arn", Description: "ARN of the topic the dead-letter alarms notify.", Value: graph.RefARN(alarmTopicID)})
	}
}

func describe(p Params) string {
	kind := "standard"
	if p.FIFO {
		kind = "FIFO"
	}
	queues := "1 queue"
	if len(p.Queues) != 1 {
		queues = strconv.Itoa(len(p.Queues)) + " queues"
	}
	encryption := "service-managed encryption"
	if p.KMS {
		encryption = "customer-managed KMS keys"
	}
	return fmt.Sprintf("%s SNS topic %s fanning out to %s (%s), each with a dead-letter queue and an alarm, %s, TLS-only policies (generated by scaffold).",
		kind, p.Topic, queues, strings.Join(p.Queues, ", "), encryption)
}

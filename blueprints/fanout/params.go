// Package fanout builds the SNS → SQS fan-out blueprint: one topic, any
// number of independent consumer queues subscribed to it, each with its own
// dead-letter queue and an alarm on it, encryption at rest, and policies
// that let only this topic write to the queues and only over TLS.
//
// Each consumer owns a queue, so a slow or broken consumer only grows its
// own backlog: the others keep receiving every message.
package fanout

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Limits from the SNS and SQS quotas.
const (
	MaxQueues            = 20
	MaxVisibilityTimeout = 12 * time.Hour
	MinRetention         = time.Minute
	MaxRetention         = 14 * blueprints.Day
	MaxReceiveLimit      = 1000
	// queueNameLimit and topicNameLimit are the longest physical names SQS
	// and SNS accept, ".fifo" included.
	queueNameLimit = 80
	topicNameLimit = 256
)

// FilterScope says which part of a message a filter policy reads.
type FilterScope string

// Filter scopes, as the CLI spells them.
const (
	ScopeAttributes FilterScope = "attributes"
	ScopeBody       FilterScope = "body"
)

// Filter is one queue's subscription filter policy.
type Filter struct {
	Queue string
	// Policy is the filter policy as the user wrote it (JSON).
	Policy string
}

// Params are the blueprint's inputs. Start from Defaults.
type Params struct {
	Name   string
	Region string
	// Topic is the topic's short name; the deployed name is
	// "<name>-<topic>" (plus ".fifo").
	Topic string
	// Queues are the consumers' short names, one queue (and DLQ) each.
	Queues []string
	// FIFO makes the topic and every queue FIFO.
	FIFO bool
	// ContentDedup turns on content-based deduplication (FIFO only).
	ContentDedup      bool
	MaxReceive        int
	VisibilityTimeout time.Duration
	Retention         time.Duration
	RawDelivery       bool
	Filters           []Filter
	FilterScope       FilterScope
	// KMS uses customer-managed keys instead of service-managed encryption.
	KMS bool
	// AlarmEmail, when set, subscribes this address to the DLQ alarms.
	AlarmEmail string
	Tags       []graph.Tag
}

// Defaults returns the parameters `scaffold fanout` uses without flags.
func Defaults() Params {
	return Params{
		Name:              "lab",
		Region:            "us-east-1",
		Topic:             "events",
		Queues:            []string{"worker"},
		MaxReceive:        5,
		VisibilityTimeout: 30 * time.Second,
		Retention:         4 * blueprints.Day,
		RawDelivery:       true,
		FilterScope:       ScopeAttributes,
	}
}

var (
	shortName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	email     = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$`)
)

// fifoSuffix is what AWS requires at the end of FIFO topic and queue names.
const fifoSuffix = ".fifo"

func (p Params) suffix() string {
	if p.FIFO {
		return fifoSuffix
	}
	return ""
}

// Validate checks every parameter and reports all problems at once, each a
// *blueprints.ParamError naming the flag.
func (p Params) Validate() error {
	var errs []error
	add := func(param, value, reason string) {
		errs = append(errs, &blueprints.ParamError{Param: param, Value: value, Reason: reason})
	}
	if err := blueprints.ValidateName(p.Name); err != nil {
		errs = append(errs, err)
	}
	if _, ok := regions.AZCount(p.Region); !ok {
		add("region", p.Region, "unknown region; known regions: "+strings.Join(regions.Names(), ", "))
	}
	// Physical names are "<name>-<short>[-dlq][.fifo]"; the name parameter
	// may grow to 28 characters at deploy time, so budget for that.
	const nameBudget = 28 + 1
	checkName := func(param, short string, limit int, extra string) {
		switch {
		case strings.HasSuffix(short, fifoSuffix) && p.FIFO:
			add(param, short, "give the name without .fifo; --fifo adds it")
		case strings.HasSuffix(short, fifoSuffix):
			add(param, short, "only FIFO topics and queues end in .fifo; pass --fifo, and give the name without it")
		case !shortName.MatchString(short):
			add(param, short, "use letters, digits, hyphens and underscores only")
		case nameBudget+len(short)+len(extra)+len(p.suffix()) > limit:
			add(param, short, fmt.Sprintf("too long: with the name prefix%s the deployed name could reach %d characters, over AWS's %d", describeExtra(extra, p.FIFO), nameBudget+len(short)+len(extra)+len(p.suffix()), limit))
		}
	}
	checkName("topic", p.Topic, topicNameLimit, "")
	switch {
	case len(p.Queues) == 0:
		add("queues", "", fmt.Sprintf("give 1 to %d queue names, comma-separated", MaxQueues))
	case len(p.Queues) > MaxQueues:
		add("queues", strings.Join(p.Queues, ","), fmt.Sprintf("%d queues; a fan-out here takes 1 to %d", len(p.Queues), MaxQueues))
	}
	seen := map[string]string{}
	for _, q := range p.Queues {
		before := len(errs)
		checkName("queues", q, queueNameLimit, "-dlq")
		if len(errs) > before {
			continue
		}
		id := componentPrefix(q)
		if other, ok := seen[id]; ok {
			if other == q {
				add("queues", q, "is listed twice")
			} else {
				add("queues", q, fmt.Sprintf("clashes with %q: names that differ only in case, '-' or '_' would share resource names", other))
			}
			continue
		}
		seen[id] = q
	}
	if p.ContentDedup && !p.FIFO {
		add("content-dedup", "true", "content-based deduplication needs --fifo")
	}
	if p.MaxReceive < 1 || p.MaxReceive > MaxReceiveLimit {
		add("max-receive", strconv.Itoa(p.MaxReceive), fmt.Sprintf("must be between 1 and %d", MaxReceiveLimit))
	}
	if p.VisibilityTimeout < 0 || p.VisibilityTimeout > MaxVisibilityTimeout || p.VisibilityTimeout%time.Second != 0 {
		add("visibility-timeout", blueprints.FormatDuration(p.VisibilityTimeout), "must be whole seconds from 0s to 12h")
	}
	if p.Retention < MinRetention || p.Retention > MaxRetention || p.Retention%time.Second != 0 {
		add("retention", blueprints.FormatDuration(p.Retention), "must be whole seconds from 60s to 14d")
	}
	if p.FilterScope != ScopeAttributes && p.FilterScope != ScopeBody {
		add("filter-scope", string(p.FilterScope), "must be one of attributes, body")
	}
	filtered := map[string]bool{}
	for _, f := range p.Filters {
		value := f.Queue + "=" + f.Policy
		switch {
		case !slices.Contains(p.Queues, f.Queue):
			add("filter", value, fmt.Sprintf("no queue named %q; queues: %s", f.Queue, strings.Join(p.Queues, ", ")))
		case filtered[f.Queue]:
			add("filter", value, fmt.Sprintf("queue %q has two filters; combine them into one policy", f.Queue))
		default:
			if _, err := FilterDocument(f.Policy); err != nil {
				add("filter", value, err.Error())
			}
		}
		filtered[f.Queue] = true
	}
	if p.AlarmEmail != "" && !email.MatchString(p.AlarmEmail) {
		add("alarm-email", p.AlarmEmail, "want an email address such as ops@example.com")
	}
	return errors.Join(errs...)
}

func describeExtra(extra string, fifo bool) string {
	var parts []string
	if extra != "" {
		parts = append(parts, " and "+extra)
	}
	if fifo {
		parts = append(parts, " and .fifo")
	}
	return strings.Join(parts, "")
}

// componentPrefix turns a queue's short name into the snake_case prefix of
// its component IDs ("search-index" → "search_index").
func componentPrefix(queue string) string {
	return strings.ToLower(strings.ReplaceAll(queue, "-", "_"))
}

// FilterDocument parses a filter policy and returns it as a model value.
// It checks what SNS would reject at subscribe time: the policy must be a
// non-empty JSON object whose leaves are arrays of match conditions.
// Object keys are sorted, so the same policy always renders the same way.
func FilterDocument(text string) (graph.Document, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("not valid JSON: text after the policy")
	}
	object, ok := root.(map[string]any)
	if !ok || len(object) == 0 {
		return nil, errors.New(`a filter policy is a non-empty JSON object such as {"eventType":["OrderPlaced"]}`)
	}
	value, err := filterObject(object, "")
	if err != nil {
		return nil, err
	}
	return graph.Document(value), nil
}

// filterObject converts one level of a policy: every key maps to an array
// of conditions or, for message-body policies, to a nested object.
func filterObject(object map[string]any, path string) (graph.Object, error) {
	keys := make([]string, 0, len(object))
	for k := range object {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var fields graph.Object
	for _, k := range keys {
		where := strings.TrimPrefix(path+"."+k, ".")
		var value graph.Value
		switch v := object[k].(type) {
		case []any:
			if len(v) == 0 {
				return nil, fmt.Errorf("%q has an empty list of conditions", where)
			}
			list := make(graph.List, len(v))
			for i, item := range v {
				converted, err := jsonValue(item, where)
				if err != nil {
					return nil, err
				}
				list[i] = converted
			}
			value = list
		case map[string]any:
			if len(v) == 0 {
				return nil, fmt.Errorf("%q is an empty object", where)
			}
			nested, err := filterObject(v, where)
			if err != nil {
				return nil, err
			}
			value = nested
		default:
			return nil, fmt.Errorf("%q must map to a list of conditions, such as [\"OrderPlaced\"]", where)
		}
		fields = append(fields, graph.Field{Key: k, Value: value})
	}
	return fields, nil
}

// jsonValue converts a condition. Numbers must be integers: the model has
// no fractional numbers yet, and an approximate one would change matching.
func jsonValue(v any, where string) (graph.Value, error) {
	switch v := v.(type) {
	case string:
		return graph.String(v), nil
	case bool:
		return graph.Bool(v), nil
	case json.Number:
		n, err := v.Int64()
		if err != nil {
			return nil, fmt.Errorf("%q: only whole numbers are supported in filter policies, got %s", where, v)
		}
		return graph.Int(n), nil
	case map[string]any:
		return filterObject(v, where)
	case []any:
		list := make(graph.List, len(v))
		for i, item := range v {
			converted, err := jsonValue(item, where)
			if err != nil {
				return nil, err
			}
			list[i] = converted
		}
		return list, nil
	case nil:
		return nil, fmt.Errorf("%q: null conditions are not supported; use {\"exists\": false}", where)
	}
	return nil, fmt.Errorf("%q: unsupported value %v", where, v)
}

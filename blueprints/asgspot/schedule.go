package asgspot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Schedule is one scheduled scaling action.
type Schedule struct {
	// Name labels the action ("scale-out").
	Name string
	// Recurrence is a five-field cron expression in UTC.
	Recurrence string
	// Desired is the desired capacity the action sets.
	Desired int
}

var (
	scheduleName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}$`)
	// cronField accepts what Auto Scaling's recurrence takes per field:
	// *, numbers, ranges, steps, lists and day or month names.
	cronField = regexp.MustCompile(`^(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*$`)
)

// ParseSchedule reads NAME=CRON:desired=N, for example
// "scale-out=0 8 * * MON-FRI:desired=6".
func ParseSchedule(text string) (Schedule, error) {
	name, rest, ok := strings.Cut(text, "=")
	if !ok {
		return Schedule{}, fmt.Errorf("want NAME=CRON:desired=N, such as 'scale-out=0 8 * * MON-FRI:desired=6'")
	}
	cron, desiredText, ok := strings.Cut(rest, ":desired=")
	if !ok {
		return Schedule{}, fmt.Errorf("missing :desired=N after the cron expression")
	}
	if !scheduleName.MatchString(name) {
		return Schedule{}, fmt.Errorf("name %q: use lowercase letters, digits and hyphens, starting with a letter", name)
	}
	fields := strings.Fields(cron)
	if len(fields) != 5 {
		return Schedule{}, fmt.Errorf("cron %q has %d fields; want 5 (minute hour day-of-month month day-of-week)", cron, len(fields))
	}
	limits := [][2]int{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}}
	for i, f := range fields {
		if !cronField.MatchString(f) {
			return Schedule{}, fmt.Errorf("cron field %d %q is not valid", i+1, f)
		}
		for _, part := range strings.FieldsFunc(f, func(r rune) bool { return r == ',' || r == '-' || r == '/' }) {
			if n, err := strconv.Atoi(part); err == nil && i < 5 && (n < limits[i][0] || n > limits[i][1]) && !strings.Contains(f, "/"+part) {
				return Schedule{}, fmt.Errorf("cron field %d: %d is outside %d-%d", i+1, n, limits[i][0], limits[i][1])
			}
		}
	}
	desired, err := strconv.Atoi(desiredText)
	if err != nil || desired < 0 {
		return Schedule{}, fmt.Errorf("desired %q is not a whole number of instances", desiredText)
	}
	return Schedule{Name: name, Recurrence: strings.Join(fields, " "), Desired: desired}, nil
}

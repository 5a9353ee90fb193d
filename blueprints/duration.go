package blueprints

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is 24 hours; SQS and CloudWatch count retention in days.
const Day = 24 * time.Hour

// ErrDuration reports text that is not a duration.
var ErrDuration = errors.New(`want a whole number with a unit: s, m, h or d (for example 30s, 15m, 12h, 4d)`)

// ParseDuration reads the durations users write for queue settings: a
// whole number followed by s, m, h or d ("30s", "4d"). Go's time format is
// not used because it has no days and accepts fractions AWS would round.
func ParseDuration(text string) (time.Duration, error) {
	text = strings.TrimSpace(text)
	if len(text) < 2 {
		return 0, ErrDuration
	}
	unit := map[byte]time.Duration{'s': time.Second, 'm': time.Minute, 'h': time.Hour, 'd': Day}[text[len(text)-1]]
	digits := text[:len(text)-1]
	if unit == 0 || digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, ErrDuration
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > int64(365*Day/unit) {
		return 0, fmt.Errorf("%w; at most a year", ErrDuration)
	}
	return time.Duration(n) * unit, nil
}

// FormatDuration writes d in the largest unit that divides it, the inverse
// of ParseDuration.
func FormatDuration(d time.Duration) string {
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{Day, "d"}, {time.Hour, "h"}, {time.Minute, "m"}} {
		if d >= u.unit && d%u.unit == 0 {
			return strconv.FormatInt(int64(d/u.unit), 10) + u.name
		}
	}
	return strconv.FormatInt(int64(d/time.Second), 10) + "s"
}

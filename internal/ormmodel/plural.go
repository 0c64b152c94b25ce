package ormmodel

import (
	"regexp"
	"strings"
	"sync"
)

// plural is github.com/jinzhu/inflection's Plural (v1.0.0, MIT, Copyright
// (c) 2015 Jinzhu), the pluralization gorm and bun name tables with, with
// its default rules: the same rules, tried in the same order, compiled on
// first use. The library compiles its ~100 expressions in an init
// function, in every process that links it: 9 ms of a vet tool's start,
// which go vet pays once per package (530 times on a 20-package service
// with its dependencies), for the few processes that name an ORM's
// table. TestPlural holds it to the library's answers.
func plural(s string) string {
	pluralOnce.Do(compilePlural)
	for _, r := range pluralRules {
		if r.re.MatchString(s) {
			return r.re.ReplaceAllString(s, r.replace)
		}
	}
	return s
}

type pluralRule struct {
	re      *regexp.Regexp
	replace string
}

var (
	pluralOnce  sync.Once
	pluralRules []pluralRule
)

// The library's default tables: Rails' ActiveSupport inflections.
var (
	pluralFinds = [][2]string{
		{"([a-z])$", "${1}s"},
		{"s$", "s"},
		{"^(ax|test)is$", "${1}es"},
		{"(octop|vir)us$", "${1}i"},
		{"(octop|vir)i$", "${1}i"},
		{"(alias|status)$", "${1}es"},
		{"(bu)s$", "${1}ses"},
		{"(buffal|tomat)o$", "${1}oes"},
		{"([ti])um$", "${1}a"},
		{"([ti])a$", "${1}a"},
		{"sis$", "ses"},
		{"(?:([^f])fe|([lr])f)$", "${1}${2}ves"},
		{"(hive)$", "${1}s"},
		{"([^aeiouy]|qu)y$", "${1}ies"},
		{"(x|ch|ss|sh)$", "${1}es"},
		{"(matr|vert|ind)(?:ix|ex)$", "${1}ices"},
		{"^(m|l)ouse$", "${1}ice"},
		{"^(m|l)ice$", "${1}ice"},
		{"^(ox)$", "${1}en"},
		{"^(oxen)$", "${1}"},
		{"(quiz)$", "${1}zes"},
	}
	pluralIrregulars = [][2]string{
		{"person", "people"},
		{"man", "men"},
		{"child", "children"},
		{"sex", "sexes"},
		{"move", "moves"},
		{"mombie", "mombies"},
	}
	pluralUncountables = []string{"equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police"}
)

// compilePlural builds the rules in the library's order: uncountables,
// irregulars (upper case, title case, as written), then the regular
// rules from the last to the first (upper case, as written, any case).
func compilePlural() {
	for _, u := range pluralUncountables {
		pluralRules = append(pluralRules, pluralRule{regexp.MustCompile("^(?i)(" + u + ")$"), "${1}"})
	}
	for _, ir := range pluralIrregulars {
		sing, plur := ir[0], ir[1]
		pluralRules = append(pluralRules,
			pluralRule{regexp.MustCompile(strings.ToUpper(sing) + "$"), strings.ToUpper(plur)},
			pluralRule{regexp.MustCompile(title(sing) + "$"), title(plur)},
			pluralRule{regexp.MustCompile(sing + "$"), plur},
		)
	}
	for i := len(pluralFinds) - 1; i >= 0; i-- {
		find, repl := pluralFinds[i][0], pluralFinds[i][1]
		pluralRules = append(pluralRules,
			pluralRule{regexp.MustCompile(strings.ToUpper(find)), strings.ToUpper(repl)},
			pluralRule{regexp.MustCompile(find), repl},
			pluralRule{regexp.MustCompile("(?i)" + find), repl},
		)
	}
}

// title upper-cases a lower-case word's first letter, as strings.Title
// does for the library's one-word irregulars.
func title(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

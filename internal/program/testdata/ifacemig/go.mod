module example.com/ifacemig

go 1.25

require gorm.io/gorm v1.31.2

// gorm's API from the stubs the analyzer tests use, so that the tests
// need no network.
replace gorm.io/gorm => ../../../../testdata/stubs/src/gorm.io/gorm

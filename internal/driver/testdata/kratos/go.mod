module example.com/kratos

go 1.22

require github.com/go-kratos/kratos/v2 v2.9.2

replace github.com/go-kratos/kratos/v2 => ../../../../testdata/stubs/src/github.com/go-kratos/kratos/v2

module github.com/grpc-ecosystem/grpc-gateway

go 1.22

global using Google.Protobuf;
global using Platform.Grpc.Tests.Interop;
global using Platform.ServiceDefaults.Grpc;
global using Platform.ServiceDefaults.Grpc.Client;
global using Platform.ServiceDefaults.Grpc.Server;

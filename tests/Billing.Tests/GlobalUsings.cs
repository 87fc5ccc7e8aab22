global using System.Net;
global using System.Text.Json;
global using Platform.Testing;
global using System.Net.Http.Json;

namespace Microsoft.Extensions.Hosting; public static class Tmp;

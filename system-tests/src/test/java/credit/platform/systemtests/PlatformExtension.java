package credit.platform.systemtests;

import credit.platform.launcher.PlatformStack;
import credit.platform.launcher.RepoRoot;
import credit.platform.launcher.StackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE platform stack ({@link StackConfig#forTests}) for the whole test run, shared by every
 * test class, and stops it when the engine finishes (the value lives in the root context's store,
 * which closes {@link AutoCloseable} values). If the start fails, every test class fails with the
 * same error instead of trying again.
 */
public final class PlatformExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestPlatform.class
                || parameter.getParameter().getType() == TraceReceiver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestPlatform platform = platform(context);
        if (parameter.getParameter().getType() == TraceReceiver.class) {
            return context.getRoot().getStore(NAMESPACE).get(StartedStack.class, StartedStack.class).traces();
        }
        return platform;
    }

    private static TestPlatform platform(ExtensionContext context) {
        StartedStack started = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StartedStack.class, type -> StartedStack.start(), StartedStack.class);
        return started.platform();
    }

    /** The running stack, or why it could not start. */
    static final class StartedStack implements AutoCloseable {
        private final PlatformStack stack;
        private final TraceReceiver traces;
        private final RuntimeException failure;

        private StartedStack(PlatformStack stack, TraceReceiver traces, RuntimeException failure) {
            this.stack = stack;
            this.traces = traces;
            this.failure = failure;
        }

        static StartedStack start() {
            StackConfig config = StackConfig.forTests(RepoRoot.find());
            // the apps export their spans here from their first request on
            TraceReceiver traces = TraceReceiver.start(config.tracesEndpoint().orElseThrow());
            PlatformStack stack = new PlatformStack(config);
            long t0 = System.nanoTime();
            try {
                stack.start();
                System.out.printf("[system-tests] platform stack started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                return new StartedStack(stack, traces, null);
            } catch (RuntimeException e) {
                traces.close();
                return new StartedStack(null, null, e);
            }
        }

        TraceReceiver traces() {
            platform();
            return traces;
        }

        TestPlatform platform() {
            if (failure != null) {
                throw new IllegalStateException("the platform stack did not start: " + failure.getMessage(), failure);
            }
            return new TestPlatform(stack.config());
        }

        @Override
        public void close() {
            if (stack != null) {
                long t0 = System.nanoTime();
                stack.close();
                System.out.printf("[system-tests] platform stack stopped in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            if (traces != null) {
                traces.close(); // after the apps: their last spans are flushed at shutdown
            }
        }
    }
}

package org.entente.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.entente.platform.caller.Caller;
import org.entente.platform.caller.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The limit of live streams per caller through Spring MVC's handling of a stream, with the
 * servlet container's part (a stream's end, its timeout, a failed connection) played by the test.
 */
class InboxStreamLimitTest {

    static final InboxStreamProperties PROPERTIES = new InboxStreamProperties(Duration.ofMinutes(15), Duration.ofSeconds(15), 2);

    final InboxStreams streams = new InboxStreams(PROPERTIES);
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new InboxStreamController(streams, PROPERTIES))
            .setCustomArgumentResolvers(new CallerOfState()).build();

    /** How the container ends a stream. */
    enum End {
        COMPLETED, TIMED_OUT, FAILED;

        void of(MvcResult stream) throws IOException {
            MockAsyncContext context = (MockAsyncContext) stream.getRequest().getAsyncContext();
            AsyncEvent event = new AsyncEvent(context, new IOException("Broken pipe"));
            for (AsyncListener listener : context.getListeners()) {
                if (this == TIMED_OUT) {
                    listener.onTimeout(event);
                } else if (this == FAILED) {
                    listener.onError(event);
                }
            }
            context.complete();
        }
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void shouldRefuseACallerAStreamPastTheLimitUntilOneOfItsStreamsEnds(End end) throws Exception {
        // Given Estonia's PoC with its two streams open
        MvcResult first = open("EE");
        open("EE");

        // When it opens a third, and Latvia's PoC one
        MvcResult third = open("EE");
        MvcResult latvian = open("LV");

        // Then Estonia's is refused and Latvia's is not
        assertThat(third.getResponse().getStatus()).isEqualTo(429);
        assertThat(latvian.getRequest().isAsyncStarted()).isTrue();

        // When one of Estonia's streams ends, and it opens two more
        end.of(first);
        MvcResult replacement = open("EE");
        MvcResult oneMore = open("EE");

        // Then the first takes the place given back, and the second is refused
        assertThat(replacement.getRequest().isAsyncStarted()).isTrue();
        assertThat(oneMore.getResponse().getStatus()).isEqualTo(429);
    }

    private MvcResult open(String state) throws Exception {
        return mvc.perform(get("/api/v1/alerts/stream").header("X-State", state)).andReturn();
    }

    /** The caller a token would name: the PoC of the state in the request's X-State header. */
    private static final class CallerOfState implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                WebDataBinderFactory binders) {
            String state = request.getHeader("X-State");
            return new Caller(state.toLowerCase(Locale.ROOT) + "-poc", state, Set.of(Role.POC));
        }
    }
}

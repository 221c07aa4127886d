package dev.revhooks.demo;

import dev.revhooks.core.OpenEnum;
import dev.revhooks.revdesk.CallDisposition;
import dev.revhooks.revdesk.PhoneNumber;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.SmsMessage;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.SummaryReadyData;
import dev.revhooks.revrag.CallStatus;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revring.CallRecord;
import dev.revhooks.revring.PreCallRequest;
import dev.revhooks.revring.RevRingEvent;
import java.util.stream.Collectors;

/**
 * What the demo app shows of each vendor's typed events: the event's record and a few fields read
 * through its typed accessors (wire names as labels), the way an app would branch on them.
 */
final class TypedFields {

    private TypedFields() {
    }

    static String of(RevontEvent event) {
        String type = type(event);
        if (event instanceof RevontEvent.SummaryReady ready) {
            SummaryReadyData data = ready.data();
            return type + " call_id=" + data.callId() + " rep_id=" + data.repId()
                    + " duration_seconds=" + data.durationSeconds() + " coaching_score=" + data.coachingScore();
        }
        if (event instanceof RevontEvent.CallStarted started) {
            return type + " call_id=" + started.callId();
        }
        if (event instanceof RevontEvent.CallEnded ended) {
            return type + " call_id=" + ended.callId();
        }
        if (event instanceof RevontEvent.ActionItemCreated created) {
            return type + " call_id=" + created.callId();
        }
        if (event instanceof RevontEvent.ActionItemCompleted completed) {
            return type + " call_id=" + completed.callId();
        }
        return type + " event=" + event.event() + " timestamp=" + event.timestamp();
    }

    static String of(RevRagEvent event) {
        String type = type(event);
        if (event instanceof RevRagEvent.CallEnded ended) {
            CallStatus call = ended.call();
            String variables = call.customVariables().stream()
                    .map(v -> v.key() + "=" + v.value())
                    .collect(Collectors.joining(",", "[", "]"));
            return type + " call_id=" + call.callId() + " call_status=" + open(call.callStatus())
                    + " duration=" + call.duration() + " app_user_id=" + call.appUserId() + " custom_variables=" + variables;
        }
        return type + " X-Webhook-Event=" + event.hints().event();
    }

    static String of(RevRingEvent event) {
        String type = type(event);
        if (event instanceof RevRingEvent.PostCall postCall) {
            CallRecord call = postCall.call();
            return type + " id=" + call.id() + " status=" + open(call.status()) + " direction=" + open(call.direction())
                    + " durationSeconds=" + call.durationSeconds() + " hangupCause=" + open(call.hangupCause());
        }
        if (event instanceof RevRingEvent.PreCall preCall) {
            PreCallRequest call = preCall.request();
            return type + " fromNumber=" + call.fromNumber() + " toNumber=" + call.toNumber()
                    + " dialedAgentId=" + call.dialedAgentId();
        }
        return type + " event=" + ((RevRingEvent.Unknown) event).eventName();
    }

    static String of(RevDeskEvent event) {
        String type = type(event);
        if (event instanceof RevDeskEvent.NumberLifecycleEvent lifecycle) {
            PhoneNumber number = lifecycle.envelope().payload();
            return type + " triggerEvent=" + open(lifecycle.envelope().triggerEvent()) + " id=" + number.id()
                    + " phone_number=" + number.phoneNumber() + " status=" + open(number.status());
        }
        if (event instanceof RevDeskEvent.CallDispositionEvent disposition) {
            CallDisposition call = disposition.call();
            return type + " id=" + call.id() + " to_number=" + call.toNumber() + " status=" + open(call.status())
                    + " failure_code=" + open(call.failureCode());
        }
        if (event instanceof RevDeskEvent.SmsEvent sms) {
            SmsMessage message = sms.message();
            return type + " id=" + message.id() + " phone_number=" + message.phoneNumber()
                    + " status=" + open(message.status());
        }
        return type + " (body kept as raw JSON)";
    }

    private static String type(Object event) {
        return event.getClass().getSimpleName();
    }

    /** A documented value as sent; an undocumented one as {@code UNKNOWN("sent")}, kept, not rejected. */
    private static String open(OpenEnum<?> value) {
        if (value == null) {
            return "null";
        }
        return value.isKnown() ? value.wire() : "UNKNOWN(\"" + value.wire() + "\")";
    }
}

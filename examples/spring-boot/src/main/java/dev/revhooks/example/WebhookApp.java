package dev.revhooks.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole app: properties in application.yml, listeners in {@link CallListener}; README.md quotes both classes. */
// README app: from here
@SpringBootApplication
public class WebhookApp {
    /** @param args command-line arguments */
    public static void main(String[] args) {
        SpringApplication.run(WebhookApp.class, args);
    }
}
// README app: to here

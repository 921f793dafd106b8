package org.reach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReachApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReachApplication.class, args);
    }
}

package dev.rainmaker.status;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as the test users: ops (operator) and eve (viewer), both with password "secret". */
final class Api {

    private Api() {}

    static RequestSpecification asOps() {
        return given().auth().preemptive().basic("ops", "secret");
    }

    static RequestSpecification asEve() {
        return given().auth().preemptive().basic("eve", "secret");
    }
}

package dev.rainmaker.stack.service;

import dev.rainmaker.stack.domain.DatabaseEngine;
import dev.rainmaker.stack.domain.StackOptions;
import dev.rainmaker.stack.service.apt.AptStack;
import dev.rainmaker.stack.service.dnf.EnterpriseLinuxStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackRecipesTests {

    private static final StackOptions MARIADB = StackOptions.defaults("starter");
    private static final StackOptions MYSQL = new StackOptions("legacy", false, DatabaseEngine.MYSQL);

    @Test
    void debianImagesGetTheAptFamilyAndEnterpriseLinuxImagesTheDnfFamily() {
        assertThat(StackRecipes.forImage("debian-12-x64", MARIADB)).isInstanceOf(AptStack.class);
        assertThat(StackRecipes.forImage("rocky-9-x64", MARIADB)).isInstanceOf(EnterpriseLinuxStack.class);
        assertThat(StackRecipes.forImage("almalinux-9-x64", MARIADB)).isInstanceOf(EnterpriseLinuxStack.class);
    }

    @Test
    void mysqlOnUbuntuGoesThroughTheAptFamily() {
        StackRecipe recipe = StackRecipes.forImage("ubuntu-24-04-x64", MYSQL);

        assertThat(recipe).isInstanceOf(AptStack.class);
        assertThat(recipe.family()).isEqualTo("Ubuntu 24.04 (apt, MySQL)");
        assertThat(recipe.componentPackages()).containsEntry("mysql", "mysql-server");
    }

    @Test
    void mysqlOnDebianIsRefusedSayingDebianShipsOnlyMariadb() {
        assertThatThrownBy(() -> StackRecipes.forImage("debian-12-x64", MYSQL))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("plan 'legacy' asks for MySQL, but image debian-12-x64 is Debian 12, which ships no MySQL"
                        + " server (only MariaDB): give the plan database=mariadb or an Ubuntu image");
    }

    @Test
    void anImageNoRecipeKnowsIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> StackRecipes.forImage("freebsd-14-x64", MARIADB))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no stack recipe for image 'freebsd-14-x64'")
                .hasMessageContaining("debian-12-*");
    }
}
